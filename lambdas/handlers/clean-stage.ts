import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { PreconditionFailedError } from '../adapters/errors';
import type { ObjectHead, ObjectLocation, ObjectStore } from '../adapters/object-store';
import { ProcessedDocumentError } from '../core/errors';
import { METRIC_NAMES } from '../core/pipeline-metrics';
import { articleIdFor } from '../core/record/article-id';
import { createProcessedDocument } from '../core/record/processed-document';
import { processedKeyFor, SEQUENCER_METADATA_KEY } from '../core/record/processed-key';
import { compareSequencers } from '../core/record/sequencer';
import type { ProcessedDocument, SourceRef } from '../core/record/types';
import type { CleanConfig } from './config';
import { parseProcessedDocument } from './processed-document-schema';
import type { S3Change } from './s3-notification';
import type { StageDeps } from './stage-handler';
import { type TimeBudget, UNLIMITED_BUDGET } from './time-budget';

/** What the clean stage needs, injected (the Lambda builds it from the environment; tests and local pass theirs). */
export interface CleanStageDeps extends StageDeps {
  readonly objects: ObjectStore;
  readonly config: CleanConfig;
  /** Wall clock, injected so tests are deterministic. */
  readonly now: () => Date;
}

/** What happened to one raw-object change. */
export type CleanResult =
  | 'cleaned'
  | 'rejected'
  | 'removed'
  | 'duplicate'
  | 'stale'
  | 'skipped-missing'
  | 'skipped-superseded';

/** Conditional writes lost to concurrent ones before the message is handed back to the queue. */
const MAX_ATTEMPTS = 5;

interface Context {
  readonly change: S3Change;
  readonly deps: CleanStageDeps;
  readonly log: Logger;
  /** The raw object as it is now (no version: "does it still exist?"). */
  readonly rawNow: ObjectLocation;
  readonly processed: ObjectLocation;
  readonly budget: TimeBudget;
}

/**
 * Handles one raw-object change. The processed document is a compare-and-swap register ordered by the raw
 * object's S3 sequencer: a created object is cleaned into it unless a newer version is already there; a
 * removed object removes it unless the object exists again. Each path re-checks the raw object after
 * writing, so a delete and a re-upload handled concurrently still converge on the object's real state.
 * The raw object is only ever read.
 */
export async function handleRawChange(
  change: S3Change,
  deps: CleanStageDeps,
  budget: TimeBudget = UNLIMITED_BUDGET,
): Promise<CleanResult> {
  const articleId = articleIdFor(change.bucket, change.key);
  const ctx: Context = {
    change,
    deps,
    log: deps.logger.createChild({
      persistentKeys: { bucket: change.bucket, key: change.key, articleId, sequencer: change.sequencer },
    }),
    rawNow: { bucket: change.bucket, key: change.key },
    processed: { bucket: deps.config.processedBucket, key: processedKeyFor(articleId) },
    budget,
  };
  if (change.kind === 'created') deps.metrics.addMetric(METRIC_NAMES.articlesReceived, MetricUnit.Count, 1);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = change.kind === 'removed' ? await removeDocument(ctx) : await cleanObject(ctx);
      if (result === 'duplicate' || result === 'stale') {
        const name = result === 'stale' ? METRIC_NAMES.staleEventsSkipped : METRIC_NAMES.duplicatesSkipped;
        deps.metrics.addMetric(name, MetricUnit.Count, 1);
        ctx.log.info(`Event skipped: ${result}`);
      }
      return result;
    } catch (error) {
      // Another event for the same article wrote first: read the register again and decide anew.
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      ctx.log.info('Processed document changed concurrently; retrying', { attempt });
    }
  }
}

async function cleanObject(ctx: Context, restoring = false): Promise<CleanResult> {
  const { change, deps, log } = ctx;
  // The version the event names (the current object on an unversioned bucket). If it has been deleted since,
  // the check after writing withdraws the document again.
  const raw = { ...ctx.rawNow, ...(change.versionId ? { versionId: change.versionId } : {}) };
  const got = await deps.objects.get(raw, deps.config.maxObjectBytes);
  if (got.status === 'missing') {
    log.info('Raw object no longer exists; its delete event removes the article');
    return 'skipped-missing';
  }
  // Not when restoring a document this event's delete just removed: handed back, the event would skip it.
  if (!restoring) ctx.budget.check();
  const doc = processedDocumentFor(ctx, got);
  const put = (conditions: { ifMatch: string } | { ifNoneMatch: '*' }) =>
    deps.objects.put(ctx.processed, JSON.stringify(doc), {
      contentType: 'application/json',
      metadata: { [SEQUENCER_METADATA_KEY]: change.sequencer },
      ...conditions,
    });
  let eTag: string;
  try {
    // Most uploads are new, so the document is created without reading the register first; only when one
    // exists (an overwrite, a redelivery, a stale event) is it read, ordered and replaced with If-Match.
    eTag = await put({ ifNoneMatch: '*' });
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const current = await deps.objects.head(ctx.processed);
    // Gone again already: the caller reads the register anew.
    if (current === undefined) throw error;
    const stored = current.metadata[SEQUENCER_METADATA_KEY];
    if (stored !== undefined) {
      const order = compareSequencers(stored, change.sequencer);
      if (order > 0) return 'stale';
      if (order === 0 && (await resendDocument(ctx, current))) return 'duplicate';
    }
    eTag = await put({ ifMatch: current.eTag });
  }
  // A delete handled while we cleaned found no document to remove; ours must not outlive the object.
  if ((await deps.objects.head(ctx.rawNow)) === undefined) {
    await deps.objects.delete(ctx.processed, { ifMatch: eTag });
    log.info('Raw object deleted while it was cleaned; processed document withdrawn');
    return 'removed';
  }
  deps.metrics.addMetric(METRIC_NAMES.bytesIn, MetricUnit.Bytes, doc.source.size);
  if (doc.status === 'rejected') {
    deps.metrics.addMetric(METRIC_NAMES.articlesRejected, MetricUnit.Count, 1);
    log.warn('Raw object rejected', { rejection: doc.rejection });
    return 'rejected';
  }
  deps.metrics.addMetric(METRIC_NAMES.articlesCleaned, MetricUnit.Count, 1);
  log.info('Raw object cleaned', { words: doc.article?.wordCount });
  return 'cleaned';
}

/**
 * A redelivered event whose document is already written: the tag stage may never have got that document's
 * own notification (a crash between the write and its event), so the document is written again unchanged
 * (If-Match: nothing newer is overwritten), which notifies the tag stage once more; its duplicate handling
 * then restores whatever the article lacks. Returns false when the document is not this event's version
 * after all (a re-drive by `newsflow reconcile` carries the stored sequencer and the raw object's current
 * ETag) or cannot be parsed: then the object is cleaned again.
 * @throws PreconditionFailedError when the document changed since it was read (the caller re-reads it).
 */
async function resendDocument(ctx: Context, current: ObjectHead): Promise<boolean> {
  const { change, deps } = ctx;
  const got = await deps.objects.get(ctx.processed);
  if (got.status !== 'found' || got.object.eTag !== current.eTag) {
    throw new PreconditionFailedError(`${ctx.processed.key} changed while it was read`);
  }
  let sourceETag: string;
  try {
    sourceETag = parseProcessedDocument(got.object.bytes).source.eTag;
  } catch (error) {
    // A document that cannot be read is replaced, whatever its sequencer says.
    if (error instanceof ProcessedDocumentError) return false;
    throw error;
  }
  if (change.eTag !== undefined && unquoteETag(change.eTag) !== unquoteETag(sourceETag)) return false;
  await deps.objects.put(ctx.processed, got.object.bytes, {
    contentType: 'application/json',
    metadata: current.metadata,
    ifMatch: current.eTag,
  });
  ctx.log.info('Duplicate event: processed document rewritten unchanged to notify the tag stage again');
  return true;
}

function unquoteETag(eTag: string): string {
  return eTag.replace(/"/g, '');
}

async function removeDocument(ctx: Context): Promise<CleanResult> {
  const { change, deps, log } = ctx;
  // Events arrive out of order: a delete older than a re-upload must not remove the newer article.
  if (await deps.objects.head(ctx.rawNow)) {
    log.info('Delete event superseded by a newer object; kept');
    return 'skipped-superseded';
  }
  const current = await deps.objects.head(ctx.processed);
  if (current) {
    const stored = current.metadata[SEQUENCER_METADATA_KEY];
    if (stored !== undefined && compareSequencers(stored, change.sequencer) > 0) return 'stale';
    await deps.objects.delete(ctx.processed, { ifMatch: current.eTag });
  }
  // A re-upload cleaned meanwhile would have lost its document to this delete: restore it.
  if (await deps.objects.head(ctx.rawNow)) {
    log.info('Raw object re-uploaded while its delete was handled; cleaning it again');
    return cleanObject(ctx, true);
  }
  log.info('Raw object removed; processed document deleted');
  return 'removed';
}

function processedDocumentFor(
  ctx: Context,
  got: Exclude<Awaited<ReturnType<ObjectStore['get']>>, { status: 'missing' }>,
): ProcessedDocument {
  const { change, deps } = ctx;
  const found = got.status === 'found' ? got.object : undefined;
  const versionId = found?.versionId ?? change.versionId;
  const source: SourceRef = {
    bucket: change.bucket,
    key: change.key,
    ...(versionId ? { versionId } : {}),
    eTag: found?.eTag ?? change.eTag ?? '',
    size: found?.size ?? (got.status === 'too-large' ? got.size : 0),
    sequencer: change.sequencer,
    eventTime: change.eventTime,
  };
  const raw =
    found === undefined
      ? { oversizedBytes: source.size }
      : {
          bytes: found.bytes,
          key: change.key,
          ...(found.contentType ? { contentType: found.contentType } : {}),
          ...(found.contentLanguage ? { contentLanguage: found.contentLanguage } : {}),
        };
  return createProcessedDocument(raw, source, {
    cleanedAt: deps.now().toISOString(),
    maxBytes: deps.config.maxObjectBytes,
  });
}
