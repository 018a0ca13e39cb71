import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ArticleStore } from '../adapters/article-store';
import type { ObjectStore } from '../adapters/object-store';
import { buildRecord } from '../core/record/build-record';
import { articleIdFromProcessedKey } from '../core/record/processed-key';
import { toTableItems } from '../core/record/table-items';
import type { Taggers } from '../core/tagging/tag-text';
import type { TagConfig } from './config';
import { InvalidEventError } from './errors';
import { parseProcessedDocument } from './processed-document-schema';
import type { S3Change } from './s3-notification';

/** What the tag stage needs, injected. */
export interface TagStageDeps {
  readonly objects: ObjectStore;
  readonly articles: ArticleStore;
  readonly taggers: Taggers;
  readonly config: TagConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
}

/** What happened to one processed-document change. */
export type TagResult = 'written' | 'stale' | 'deleted' | 'skipped-missing' | 'skipped-superseded';

/**
 * Handles one processed-document change: a created document becomes the article's record and lookup items;
 * a removed document removes them all.
 */
export async function handleProcessedChange(change: S3Change, deps: TagStageDeps): Promise<TagResult> {
  const articleId = articleIdFromProcessedKey(change.key);
  if (articleId === undefined) throw new InvalidEventError(`Not a processed document key: ${change.key}`);
  const log = deps.logger.createChild({ persistentKeys: { key: change.key, articleId } });
  const location = { bucket: change.bucket, key: change.key };

  if (change.kind === 'removed') {
    if (await deps.objects.exists(location)) {
      log.info('Delete event superseded by a newer processed document; kept');
      return 'skipped-superseded';
    }
    const items = await deps.articles.delete(articleId);
    deps.metrics.addMetric('ArticlesDeleted', MetricUnit.Count, 1);
    log.info('Article deleted', { items });
    return 'deleted';
  }

  const got = await deps.objects.get(location);
  if (got.status !== 'found') {
    log.info('Processed document no longer exists; its delete event removes the article');
    return 'skipped-missing';
  }
  const doc = parseProcessedDocument(got.object.bytes);
  if (doc.articleId !== articleId) {
    throw new InvalidEventError(`Processed document ${change.key} holds article ${doc.articleId}`);
  }
  const started = deps.now().getTime();
  const record = buildRecord(doc, {
    taggers: deps.taggers,
    ingestedAt: deps.now().toISOString(),
    textRef: location,
  });
  const outcome = await deps.articles.put(toTableItems(record));
  const logKeys = { bucket: doc.source.bucket, sourceKey: doc.source.key, status: record.status };
  if (outcome === 'stale') {
    deps.metrics.addMetric('StaleEventsSkipped', MetricUnit.Count, 1);
    log.info('A newer version of the article is stored; this one was skipped', logKeys);
    return 'stale';
  }
  deps.metrics.addMetric('ArticlesTagged', MetricUnit.Count, 1);
  deps.metrics.addMetric('EntitiesPerArticle', MetricUnit.Count, record.entities.length);
  deps.metrics.addMetric('DatesPerArticle', MetricUnit.Count, record.dates.length);
  deps.metrics.addMetric('TaggingLatency', MetricUnit.Milliseconds, deps.now().getTime() - started);
  log.info('Article record written', {
    ...logKeys,
    entities: record.entities.length,
    dates: record.dates.length,
  });
  return 'written';
}
