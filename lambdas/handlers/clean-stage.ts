import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ObjectStore } from '../adapters/object-store';
import { articleIdFor } from '../core/record/article-id';
import { createProcessedDocument, rejectedDocument } from '../core/record/processed-document';
import { processedKeyFor } from '../core/record/processed-key';
import type { ProcessedDocument, SourceRef } from '../core/record/types';
import type { CleanConfig } from './config';
import type { S3Change } from './s3-notification';

/** What the clean stage needs, injected (the Lambda builds it from the environment; tests and local pass theirs). */
export interface CleanStageDeps {
  readonly objects: ObjectStore;
  readonly config: CleanConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Wall clock, injected so tests are deterministic. */
  readonly now: () => Date;
}

/** What happened to one raw-object change. */
export type CleanResult = 'cleaned' | 'rejected' | 'removed' | 'skipped-missing' | 'skipped-superseded';

/**
 * Handles one raw-object change: a created object is cleaned into its processed document (rejections too);
 * a removed object removes its processed document. The raw object is only ever read.
 */
export async function handleRawChange(change: S3Change, deps: CleanStageDeps): Promise<CleanResult> {
  const articleId = articleIdFor(change.bucket, change.key);
  const processed = { bucket: deps.config.processedBucket, key: processedKeyFor(articleId) };
  const log = deps.logger.createChild({
    persistentKeys: { bucket: change.bucket, key: change.key, articleId, sequencer: change.sequencer },
  });
  const raw = { bucket: change.bucket, key: change.key, ...optionalVersion(change.versionId) };

  if (change.kind === 'removed') {
    // Events arrive out of order: a delete older than a re-upload must not remove the newer article.
    if (await deps.objects.exists({ bucket: change.bucket, key: change.key })) {
      log.info('Delete event superseded by a newer object; kept');
      return 'skipped-superseded';
    }
    await deps.objects.delete(processed);
    log.info('Raw object removed; processed document deleted');
    return 'removed';
  }

  const got = await deps.objects.get(raw, deps.config.maxObjectBytes);
  if (got.status === 'missing') {
    log.info('Raw object no longer exists; its delete event removes the article');
    return 'skipped-missing';
  }
  const source: SourceRef = {
    bucket: change.bucket,
    key: change.key,
    ...optionalVersion(
      got.status === 'found' ? (got.object.versionId ?? change.versionId) : change.versionId,
    ),
    eTag: got.status === 'found' ? got.object.eTag : (change.eTag ?? ''),
    size: got.status === 'found' ? got.object.size : got.size,
    sequencer: change.sequencer,
    eventTime: change.eventTime,
  };
  const cleanedAt = deps.now().toISOString();
  const doc: ProcessedDocument =
    got.status === 'too-large'
      ? rejectedDocument(
          source,
          {
            code: 'TOO_LARGE',
            message: `Object is ${got.size} bytes; the limit is ${deps.config.maxObjectBytes}`,
          },
          cleanedAt,
        )
      : createProcessedDocument(
          {
            bytes: got.object.bytes,
            key: change.key,
            ...(got.object.contentType ? { contentType: got.object.contentType } : {}),
          },
          source,
          { cleanedAt, maxBytes: deps.config.maxObjectBytes },
        );
  await deps.objects.put(processed, JSON.stringify(doc), 'application/json');
  deps.metrics.addMetric('BytesIn', MetricUnit.Bytes, source.size);
  if (doc.status === 'rejected') {
    deps.metrics.addMetric('ArticlesRejected', MetricUnit.Count, 1);
    log.warn('Raw object rejected', { rejection: doc.rejection });
    return 'rejected';
  }
  deps.metrics.addMetric('ArticlesCleaned', MetricUnit.Count, 1);
  log.info('Raw object cleaned', { words: doc.article?.wordCount });
  return 'cleaned';
}

function optionalVersion(versionId: string | undefined): { versionId?: string } {
  return versionId ? { versionId } : {};
}
