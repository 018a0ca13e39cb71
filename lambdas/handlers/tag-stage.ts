import type { Logger } from '@aws-lambda-powertools/logger';
import type { ObjectLocation } from '../adapters/object-store';
import { buildRecord } from '../core/record/build-record';
import { articleIdFromProcessedKey } from '../core/record/processed-key';
import type { ProcessedDocument } from '../core/record/types';
import { ConvergenceError, InvalidEventError } from './errors';
import { parseProcessedDocument } from './processed-document-schema';
import type { S3Change } from './s3-notification';
import { addDeletedMetric, addSkippedMetric, reportTagged } from './tag-report';
import type { TagResult, TagStageDeps } from './tag-stage-deps';
import { type TimeBudget, UNLIMITED_BUDGET } from './time-budget';

/** Re-reads of a processed document that keeps changing before the message goes back to the queue. */
const MAX_ROUNDS = 4;

/** One change being handled: the article, its processed document, the stage's dependencies, a child logger. */
interface Context {
  readonly articleId: string;
  readonly location: ObjectLocation;
  readonly deps: TagStageDeps;
  readonly log: Logger;
  readonly budget: TimeBudget;
}

/**
 * Handles one processed-document change by making the article's items match the processed document as it
 * is now: a document becomes its record and lookup items, an absent document removes them all. After
 * writing, the document is read again; if it changed meanwhile the stage converges on the new state, so
 * duplicate, reordered and concurrent events all end in the same items.
 */
export async function handleProcessedChange(
  change: S3Change,
  deps: TagStageDeps,
  budget: TimeBudget = UNLIMITED_BUDGET,
): Promise<TagResult> {
  const articleId = articleIdFromProcessedKey(change.key);
  if (articleId === undefined) throw new InvalidEventError(`Not a processed document key: ${change.key}`);
  const location = { bucket: change.bucket, key: change.key };
  const log = deps.logger.createChild({ persistentKeys: { ...location, articleId } });
  const ctx: Context = { articleId, location, deps, log, budget };
  const result = change.kind === 'removed' ? await removeArticle(ctx, 1) : await applyDocument(ctx, 1);
  if (result === 'duplicate' || result === 'stale') {
    addSkippedMetric(deps.metrics, result);
    ctx.log.info(`Event skipped: ${result}`);
  }
  return result;
}

async function applyDocument(ctx: Context, round: number): Promise<TagResult> {
  const { deps } = ctx;
  const got = await deps.objects.get(ctx.location);
  if (got.status !== 'found') {
    ctx.log.info('Processed document no longer exists; its delete event removes the article');
    return 'skipped-missing';
  }
  const doc = parseProcessedDocument(got.object.bytes);
  if (doc.articleId !== ctx.articleId) {
    throw new InvalidEventError(`Processed document ${ctx.location.key} holds article ${doc.articleId}`);
  }
  if (round === 1) ctx.budget.check(); // Later rounds converge after writes: handing them back could undo that.
  const result = await syncArticle(ctx, doc);
  const now = await deps.objects.head(ctx.location);
  if (now?.eTag === got.object.eTag) return result;
  // The document changed (or vanished) while its items were written: converge on what is there now.
  if (round >= MAX_ROUNDS) throw new ConvergenceError(`${ctx.location.key} kept changing; retrying later`);
  return now ? applyDocument(ctx, round + 1) : removeArticle(ctx, round + 1);
}

async function removeArticle(ctx: Context, round: number): Promise<TagResult> {
  const { deps, log } = ctx;
  if (await deps.objects.head(ctx.location)) {
    log.info('Delete event superseded by a newer processed document; kept');
    return 'skipped-superseded';
  }
  const removed = await deps.articles.remove(ctx.articleId);
  if (await deps.objects.head(ctx.location)) {
    if (round >= MAX_ROUNDS) throw new ConvergenceError(`${ctx.location.key} kept changing; retrying later`);
    return applyDocument(ctx, round + 1);
  }
  if (removed) addDeletedMetric(deps.metrics);
  log.info('Article deleted', { existed: removed });
  return 'deleted';
}

/**
 * Writes one version of an article unless a newer one is stored. The store reads the article once and decides:
 * a stored newer version makes this one stale, the same version (a redelivery) is not written again. Tagging
 * comes first, so a duplicate or stale event costs its tagging CPU instead of a read of its own.
 */
async function syncArticle(ctx: Context, doc: ProcessedDocument): Promise<'written' | 'duplicate' | 'stale'> {
  const { deps } = ctx;
  const [started, ingestedAt] = [Date.now(), deps.now().toISOString()];
  const record = buildRecord(doc, { taggers: deps.taggers, ingestedAt, textRef: ctx.location });
  const tagMs = Date.now() - started;
  const outcome = await deps.articles.sync(record);
  if (outcome !== 'written') return outcome === 'stale' ? 'stale' : 'duplicate';
  reportTagged(deps.metrics, ctx.log, { record, doc, tagMs }, deps.now());
  return 'written';
}
