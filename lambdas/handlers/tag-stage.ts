import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ArticleStore, StoredArticle } from '../adapters/article-store';
import type { ObjectLocation, ObjectStore } from '../adapters/object-store';
import { METRIC_NAMES } from '../core/pipeline-metrics';
import { buildRecord } from '../core/record/build-record';
import { articleIdFromProcessedKey } from '../core/record/processed-key';
import { normalizeSequencer } from '../core/record/sequencer';
import { RECORD_SK, recordRevision, TABLE_DESIGN } from '../core/record/table-design';
import { type TableItem, toTableItems } from '../core/record/table-items';
import type { ArticleRecord, ProcessedDocument } from '../core/record/types';
import { type Taggers, taggerVersion } from '../core/tagging/tag-text';
import type { TagConfig } from './config';
import { ConvergenceError, InvalidEventError } from './errors';
import { parseProcessedDocument } from './processed-document-schema';
import type { S3Change } from './s3-notification';
import type { BatchOptions } from './sqs-batch';

/** What the tag stage needs, injected. */
export interface TagStageDeps {
  readonly objects: ObjectStore;
  readonly articles: ArticleStore;
  readonly taggers: Taggers;
  readonly config: TagConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** Batch settings (time budget); the Lambda uses the defaults. */
  readonly batch?: BatchOptions;
}

/** What happened to one processed-document change. */
export type TagResult =
  | 'written'
  | 'duplicate'
  | 'stale'
  | 'deleted'
  | 'skipped-missing'
  | 'skipped-superseded';

/** Re-reads of a processed document that keeps changing before the message goes back to the queue. */
const MAX_ROUNDS = 4;

interface Context {
  readonly articleId: string;
  readonly location: ObjectLocation;
  readonly deps: TagStageDeps;
  readonly log: Logger;
}

/**
 * Handles one processed-document change by making the article's items match the processed document as it
 * is now: a document becomes its record and lookup items, an absent document removes them all. After
 * writing, the document is read again; if it changed meanwhile the stage converges on the new state, so
 * duplicate, reordered and concurrent events all end in the same items.
 */
export async function handleProcessedChange(change: S3Change, deps: TagStageDeps): Promise<TagResult> {
  const articleId = articleIdFromProcessedKey(change.key);
  if (articleId === undefined) throw new InvalidEventError(`Not a processed document key: ${change.key}`);
  const ctx: Context = {
    articleId,
    location: { bucket: change.bucket, key: change.key },
    deps,
    log: deps.logger.createChild({ persistentKeys: { bucket: change.bucket, key: change.key, articleId } }),
  };
  const result = change.kind === 'removed' ? await removeArticle(ctx, 1) : await applyDocument(ctx, 1);
  if (result === 'duplicate' || result === 'stale') {
    const name = result === 'stale' ? METRIC_NAMES.staleEventsSkipped : METRIC_NAMES.duplicatesSkipped;
    deps.metrics.addMetric(name, MetricUnit.Count, 1);
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
  const result = await syncArticle(ctx, doc);
  const now = await deps.objects.head(ctx.location);
  if (now?.eTag === got.object.eTag) return result;
  // The document changed (or vanished) while its items were written: converge on what is there now.
  if (round >= MAX_ROUNDS) throw new ConvergenceError(`${ctx.location.key} kept changing; retrying later`);
  return now ? applyDocument(ctx, round + 1) : removeArticle(ctx, round + 1);
}

async function removeArticle(ctx: Context, round: number): Promise<TagResult> {
  const { deps } = ctx;
  if (await deps.objects.head(ctx.location)) {
    ctx.log.info('Delete event superseded by a newer processed document; kept');
    return 'skipped-superseded';
  }
  const stored = await deps.articles.load(ctx.articleId);
  // Lookup items first, the record last: a crash in between leaves the record, and a retry finishes the job.
  await deps.articles.deleteItems(
    ctx.articleId,
    stored.sortKeys.filter((sk) => sk !== RECORD_SK),
  );
  if (stored.record) await deps.articles.deleteItems(ctx.articleId, [RECORD_SK]);
  if (await deps.objects.head(ctx.location)) {
    if (round >= MAX_ROUNDS) throw new ConvergenceError(`${ctx.location.key} kept changing; retrying later`);
    return applyDocument(ctx, round + 1);
  }
  if (stored.sortKeys.length > 0) deps.metrics.addMetric(METRIC_NAMES.articlesDeleted, MetricUnit.Count, 1);
  ctx.log.info('Article deleted', { items: stored.sortKeys.length });
  return 'deleted';
}

/**
 * Writes one version of an article: lookup items first, then the record item as the commit point, written
 * only if no newer version (greater sequencer) is stored. A redelivered version is not tagged again: its
 * lookup items are restored from the stored record.
 */
async function syncArticle(ctx: Context, doc: ProcessedDocument): Promise<'written' | 'duplicate' | 'stale'> {
  const { deps } = ctx;
  const stored = await deps.articles.load(ctx.articleId);
  const sequencer = normalizeSequencer(doc.source.sequencer);
  const storedSequencer = stored.record?.[TABLE_DESIGN.sequencerAttribute] as string | undefined;
  if (storedSequencer !== undefined && storedSequencer > sequencer) return 'stale';
  if (stored.record && storedSequencer === sequencer && sameVersion(stored.record, doc, deps.taggers)) {
    await reconcileLookups(ctx, stored, toTableItems(stored.record as unknown as ArticleRecord));
    return 'duplicate';
  }
  const started = Date.now();
  const record = buildRecord(doc, {
    taggers: deps.taggers,
    ingestedAt: deps.now().toISOString(),
    textRef: ctx.location,
  });
  const items = toTableItems(record);
  const tagMs = Date.now() - started;
  await reconcileLookups(ctx, stored, items);
  const outcome = await deps.articles.commitRecord(items[0]!);
  if (outcome === 'stale') {
    // Another delivery committed this or a newer version while these lookup items were written: make the
    // stored record's lookup set exact again.
    const winner = await deps.articles.load(ctx.articleId);
    if (winner.record) {
      await reconcileLookups(ctx, winner, toTableItems(winner.record as unknown as ArticleRecord));
    }
    return winner.record?.[TABLE_DESIGN.sequencerAttribute] === sequencer ? 'duplicate' : 'stale';
  }
  deps.metrics.addMetric(METRIC_NAMES.articlesTagged, MetricUnit.Count, 1);
  deps.metrics.addMetric(METRIC_NAMES.entitiesPerArticle, MetricUnit.Count, record.entities.length);
  deps.metrics.addMetric(METRIC_NAMES.datesPerArticle, MetricUnit.Count, record.dates.length);
  deps.metrics.addMetric(METRIC_NAMES.taggingLatency, MetricUnit.Milliseconds, tagMs);
  // End to end, upload to record: what an operator means by "how far behind are we".
  const uploadedAt = Date.parse(doc.source.eventTime);
  if (Number.isFinite(uploadedAt)) {
    deps.metrics.addMetric(
      METRIC_NAMES.processingLatency,
      MetricUnit.Milliseconds,
      deps.now().getTime() - uploadedAt,
    );
  }
  ctx.log.info('Article record written', {
    sourceBucket: doc.source.bucket,
    sourceKey: doc.source.key,
    status: record.status,
    entities: record.entities.length,
    dates: record.dates.length,
  });
  return 'written';
}

/** Puts the wanted lookup items the article lacks and deletes the ones it should not have. */
async function reconcileLookups(
  ctx: Context,
  stored: StoredArticle,
  items: readonly TableItem[],
): Promise<void> {
  const have = new Set(stored.sortKeys);
  const wanted = new Set(items.map((i) => i.sk));
  const lookups = items.filter((i) => i.sk !== RECORD_SK);
  // A fresh version rewrites every lookup item (their titles and dates may have changed); a redelivery only
  // fills what is missing.
  const fresh = stored.record === undefined || !sameSequencer(stored.record, items[0]);
  await ctx.deps.articles.putItems(fresh ? lookups : lookups.filter((i) => !have.has(i.sk)));
  await ctx.deps.articles.deleteItems(
    ctx.articleId,
    stored.sortKeys.filter((sk) => sk !== RECORD_SK && !wanted.has(sk)),
  );
}

function sameSequencer(a: TableItem, b: TableItem | undefined): boolean {
  const attr = TABLE_DESIGN.sequencerAttribute;
  return b !== undefined && a[attr] === b[attr];
}

/** Whether a stored record is exactly what tagging this document again would produce. */
function sameVersion(record: TableItem, doc: ProcessedDocument, taggers: Taggers): boolean {
  const cleaned = doc.status === 'cleaned';
  const revision = recordRevision({
    status: cleaned ? 'processed' : 'rejected',
    ...(doc.article?.contentHash && cleaned ? { contentHash: doc.article.contentHash } : {}),
    taggerVersion: cleaned ? taggerVersion(taggers) : '',
  });
  return record[TABLE_DESIGN.revisionAttribute] === revision;
}
