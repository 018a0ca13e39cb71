import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_NAMES } from '../core/pipeline-metrics';
import type { ArticleRecord, ProcessedDocument } from '../core/record/types';

/** Logs one article record written by the tag stage and emits its metrics. */
export function reportTagged(
  metrics: Metrics,
  log: Logger,
  written: { readonly record: ArticleRecord; readonly doc: ProcessedDocument; readonly tagMs: number },
  now: Date,
): void {
  const { record, doc, tagMs } = written;
  log.info('Article record written', {
    sourceBucket: doc.source.bucket,
    sourceKey: doc.source.key,
    status: record.status,
    entities: record.entities.length,
    dates: record.dates.length,
  });
  metrics.addMetric(METRIC_NAMES.articlesTagged, MetricUnit.Count, 1);
  metrics.addMetric(METRIC_NAMES.entitiesPerArticle, MetricUnit.Count, record.entities.length);
  metrics.addMetric(METRIC_NAMES.datesPerArticle, MetricUnit.Count, record.dates.length);
  metrics.addMetric(METRIC_NAMES.taggingLatency, MetricUnit.Milliseconds, tagMs);
  // End to end, upload to record: what an operator means by "how far behind are we".
  const uploadedAt = Date.parse(doc.source.eventTime);
  if (Number.isFinite(uploadedAt)) {
    metrics.addMetric(METRIC_NAMES.processingLatency, MetricUnit.Milliseconds, now.getTime() - uploadedAt);
  }
}

/** Counts a change the stage skipped: a redelivery (`duplicate`) or an older version (`stale`). */
export function addSkippedMetric(metrics: Metrics, result: 'duplicate' | 'stale'): void {
  const name = result === 'stale' ? METRIC_NAMES.staleEventsSkipped : METRIC_NAMES.duplicatesSkipped;
  metrics.addMetric(name, MetricUnit.Count, 1);
}

/** Counts an article whose items the stage deleted. */
export function addDeletedMetric(metrics: Metrics): void {
  metrics.addMetric(METRIC_NAMES.articlesDeleted, MetricUnit.Count, 1);
}
