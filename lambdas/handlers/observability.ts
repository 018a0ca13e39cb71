import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { articleIdFor } from '../core/record/article-id';
import { articleIdFromProcessedKey } from '../core/record/processed-key';
import type { S3Change } from './s3-notification';

/** Service name on every log line and metric (also the `service` metric dimension). */
export const SERVICE_NAME = 'newsflow';

/** Default metric namespace (CloudWatch EMF); a deployment overrides it with `POWERTOOLS_METRICS_NAMESPACE`. */
export const METRICS_NAMESPACE = 'Newsflow';

/** The pipeline's stages: the `stage` log key and metric dimension. */
export type Stage = 'clean' | 'tag';

/**
 * Names of the metrics the stages emit, shared with the CDK construct so its dashboard and alarms read exactly
 * what the handlers write. Every metric carries the dimensions `service` and `stage`.
 */
export const METRIC_NAMES = {
  /** clean: one per created raw object (the pipeline's input). */
  articlesReceived: 'ArticlesReceived',
  /** clean: bytes of each raw object. */
  bytesIn: 'BytesIn',
  /** clean: raw objects turned into cleaned documents. */
  articlesCleaned: 'ArticlesCleaned',
  /** clean: raw objects recorded as rejected (empty, binary, too large, undecodable). */
  articlesRejected: 'ArticlesRejected',
  /** tag: records written (processed and rejected). */
  articlesTagged: 'ArticlesTagged',
  /** tag: articles removed after their raw object was deleted. */
  articlesDeleted: 'ArticlesDeleted',
  /** tag: events for an older version than the stored record, skipped. */
  staleEventsSkipped: 'StaleEventsSkipped',
  /** either stage: redeliveries of work already done, skipped (idempotency). */
  duplicatesSkipped: 'DuplicatesSkipped',
  /** tag: entity mentions per written record. */
  entitiesPerArticle: 'EntitiesPerArticle',
  /** tag: date mentions per written record. */
  datesPerArticle: 'DatesPerArticle',
  /** tag: milliseconds spent tagging one article. */
  taggingLatency: 'TaggingLatency',
  /** tag: milliseconds from the raw upload's event time to its record being written. */
  processingLatency: 'ProcessingLatency',
  /** either stage: SQS messages that failed and will be retried (then dead-lettered). */
  messagesFailed: 'MessagesFailed',
} as const;

/** The logger and metrics a stage writes to. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /**
   * The article a change belongs to, so lines logged outside the stage (a failed message) still carry it.
   * @default - lines about failed messages carry bucket and key only
   */
  readonly articleIdOf?: (change: S3Change) => string | undefined;
}

/** Options of {@link createObservability}. */
export interface ObservabilityOptions {
  /** @default `POWERTOOLS_LOG_LEVEL`, else INFO */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

/**
 * Logger and metrics for one stage. Log level comes from `POWERTOOLS_LOG_LEVEL` (Powertools' own variable);
 * metrics can be disabled with `POWERTOOLS_METRICS_DISABLED` (the local runtime does).
 */
export function createObservability(stage: Stage, options: ObservabilityOptions = {}): Observability {
  return {
    logger: new Logger({
      serviceName: SERVICE_NAME,
      persistentKeys: { stage },
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    }),
    metrics: new Metrics({
      serviceName: SERVICE_NAME,
      // Two deployments in one account must not mix their numbers: the stack sets its own namespace.
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
      defaultDimensions: { stage },
    }),
    articleIdOf: stage === 'clean' ? rawArticleId : processedArticleId,
  };
}

function rawArticleId(change: S3Change): string {
  return articleIdFor(change.bucket, change.key);
}

function processedArticleId(change: S3Change): string | undefined {
  return articleIdFromProcessedKey(change.key);
}
