import { articleIdFor } from '../record/article-id';
import { articleIdFromProcessedKey, processedKeyFor } from '../record/processed-key';
import { compareSequencers } from '../record/sequencer';

/** A raw object as a bucket listing shows it. */
export interface RawObject {
  readonly key: string;
  /** Unquoted. */
  readonly eTag: string;
}

/** What the table holds for one article. */
export interface StoredItems {
  readonly articleId: string;
  readonly record?: {
    readonly sequencer: string;
    readonly sourceBucket: string;
    readonly sourceKey: string;
    readonly sourceETag: string;
    /** The keys of the items this record implies (itself and its lookup items), as opaque strings. */
    readonly wantedSortKeys: readonly string[];
  };
  /** The keys of the items stored for the article, as opaque strings comparable with `wantedSortKeys`. */
  readonly sortKeys: readonly string[];
}

/** Where a processed document came from: read from the document when the listings alone cannot tell. */
export interface DocumentSource {
  /** The sequencer the document is stored under (its metadata), which orders writes to it. */
  readonly sequencer: string;
  /** The raw object it was cleaned from; absent when the document cannot be parsed. */
  readonly source?: { readonly bucket: string; readonly key: string; readonly eTag: string };
}

/** Articles with a message waiting or in flight, per stage: their queue will take care of them. */
export interface PendingArticles {
  readonly clean: ReadonlySet<string>;
  readonly tag: ReadonlySet<string>;
}

/** Everything the comparison looks at. */
export interface Inventory {
  readonly rawBucket: string;
  /** Raw keys under this prefix are in scope; so are documents and records of keys under it. */
  readonly prefix: string;
  /**
   * Whether the prefix covers every article of the pipeline: only then are lookup items without a record
   * (which name no key) known to be orphans.
   */
  readonly wholePipeline: boolean;
  readonly raw: readonly RawObject[];
  /** Keys of the processed bucket. */
  readonly documentKeys: readonly string[];
  readonly stored: readonly StoredItems[];
  readonly pending?: PendingArticles;
}

/** Why an article is re-driven, in the order summaries list them. */
export const RECONCILE_REASONS = [
  'missing-document',
  'stale-document',
  'missing-record',
  'stale-record',
  'lookup-items',
  'orphan-document',
  'orphan-items',
] as const;

/** One of {@link RECONCILE_REASONS}. */
export type ReconcileReason = (typeof RECONCILE_REASONS)[number];

/**
 * One re-drive through the normal stages: a created event to the clean stage (clean the raw object again),
 * a created event to the tag stage (tag the processed document again), or removed events that make either
 * stage withdraw what has no raw object any more.
 */
export type ReconcileAction =
  | {
      readonly stage: 'clean';
      readonly kind: 'created';
      readonly reason: ReconcileReason;
      readonly articleId: string;
      readonly key: string;
      readonly eTag: string;
      /** The greatest sequencer stored for the article (so nothing newer is overwritten), or 0. */
      readonly sequencer: string;
    }
  | {
      readonly stage: 'clean';
      readonly kind: 'removed';
      readonly reason: ReconcileReason;
      readonly articleId: string;
      readonly key: string;
      readonly sequencer: string;
    }
  | {
      readonly stage: 'tag';
      readonly kind: 'created' | 'removed';
      readonly reason: ReconcileReason;
      readonly articleId: string;
      readonly processedKey: string;
    };

/** The outcome of one comparison. */
export interface ReconcilePlan {
  readonly actions: readonly ReconcileAction[];
  /** Raw objects whose document, record and lookup items all match. */
  readonly inSync: number;
  /** Articles left to a message already queued for them. */
  readonly pending: number;
  /** Orphan documents that cannot be parsed (their raw key is unknown): left in place and reported. */
  readonly unreadable: readonly string[];
}

const NO_SEQUENCER = '0';

/**
 * The articles whose processed document must be read before {@link planReconcile} can decide: a live
 * article whose record does not match its raw object (is the document current, or stale too?) and every
 * document without a raw object (which key did it come from?).
 */
export function documentsToRead(inventory: Inventory): string[] {
  const live = liveArticles(inventory);
  const stored = new Map(inventory.stored.map((s) => [s.articleId, s]));
  const out: string[] = [];
  for (const key of inventory.documentKeys) {
    const id = articleIdFromProcessedKey(key);
    if (id === undefined || inventory.pending?.clean.has(id)) continue;
    const raw = live.get(id);
    const record = stored.get(id)?.record;
    if (raw === undefined || record === undefined || !sameETag(record.sourceETag, raw.eTag)) out.push(id);
  }
  return out;
}

/**
 * Compares raw objects with processed documents and table items (by ETag and sequencer) and says what to
 * re-drive so that every live raw object ends with a current document, record and exact lookup items, and
 * nothing else remains. Pure: `sources` holds the documents {@link documentsToRead} named.
 */
export function planReconcile(
  inventory: Inventory,
  sources: ReadonlyMap<string, DocumentSource>,
): ReconcilePlan {
  const live = liveArticles(inventory);
  const documents = new Set(
    inventory.documentKeys.map(articleIdFromProcessedKey).filter((id): id is string => id !== undefined),
  );
  const stored = new Map(inventory.stored.map((s) => [s.articleId, s]));
  const pendingClean = inventory.pending?.clean ?? new Set<string>();
  const pendingTag = inventory.pending?.tag ?? new Set<string>();
  const actions: ReconcileAction[] = [];
  const unreadable: string[] = [];
  let inSync = 0;
  let pending = 0;
  const tag = (reason: ReconcileReason, articleId: string, kind: 'created' | 'removed' = 'created'): void => {
    if (pendingTag.has(articleId)) pending++;
    else actions.push({ stage: 'tag', kind, reason, articleId, processedKey: processedKeyFor(articleId) });
  };

  for (const [id, raw] of live) {
    if (pendingClean.has(id)) {
      pending++;
      continue;
    }
    const record = stored.get(id)?.record;
    const clean = (reason: ReconcileReason, ...sequencers: (string | undefined)[]): void => {
      actions.push({
        stage: 'clean',
        kind: 'created',
        reason,
        articleId: id,
        key: raw.key,
        eTag: raw.eTag,
        sequencer: greatest(record?.sequencer, ...sequencers),
      });
    };
    if (!documents.has(id)) {
      clean('missing-document');
      continue;
    }
    if (record && sameETag(record.sourceETag, raw.eTag)) {
      if (sameSet(stored.get(id)?.sortKeys ?? [], record.wantedSortKeys)) inSync++;
      else tag('lookup-items', id);
      continue;
    }
    const doc = sources.get(id);
    if (doc?.source && sameETag(doc.source.eTag, raw.eTag)) {
      // The document is current; the record is missing or stale. The tag stage only lets a document of at
      // least the record's sequencer win, so an older-sequenced one is cleaned again under the record's.
      if (!record || compareSequencers(record.sequencer, doc.sequencer) <= 0) {
        tag(record ? 'stale-record' : 'missing-record', id);
      } else {
        clean('stale-record', doc.sequencer);
      }
      continue;
    }
    clean('stale-document', doc?.sequencer);
  }

  for (const id of documents) {
    if (live.has(id)) continue;
    if (pendingClean.has(id)) {
      pending++;
      continue;
    }
    const doc = sources.get(id);
    if (!doc) continue; // gone since the listing
    if (!doc.source) {
      unreadable.push(processedKeyFor(id));
      continue;
    }
    if (!inScope(inventory, doc.source.bucket, doc.source.key)) continue;
    actions.push({
      stage: 'clean',
      kind: 'removed',
      reason: 'orphan-document',
      articleId: id,
      key: doc.source.key,
      sequencer: doc.sequencer,
    });
  }

  for (const [id, items] of stored) {
    if (live.has(id) || documents.has(id) || pendingClean.has(id)) continue;
    const scoped = items.record
      ? inScope(inventory, items.record.sourceBucket, items.record.sourceKey)
      : inventory.wholePipeline;
    if (scoped) tag('orphan-items', id, 'removed');
  }

  return { actions, inSync, pending, unreadable };
}

/** Counts actions by reason, for summaries. */
export function countByReason(actions: readonly ReconcileAction[]): Partial<Record<ReconcileReason, number>> {
  const out: Partial<Record<ReconcileReason, number>> = {};
  for (const reason of RECONCILE_REASONS) {
    const n = actions.filter((a) => a.reason === reason).length;
    if (n > 0) out[reason] = n;
  }
  return out;
}

function liveArticles(inventory: Inventory): Map<string, RawObject> {
  const live = new Map<string, RawObject>();
  for (const o of inventory.raw) {
    if (o.key.startsWith(inventory.prefix)) live.set(articleIdFor(inventory.rawBucket, o.key), o);
  }
  return live;
}

function inScope(inventory: Inventory, bucket: string, key: string): boolean {
  return bucket === inventory.rawBucket && key.startsWith(inventory.prefix);
}

function sameETag(a: string, b: string): boolean {
  return a.replace(/"/g, '') === b.replace(/"/g, '');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function greatest(...sequencers: (string | undefined)[]): string {
  let best = NO_SEQUENCER;
  for (const s of sequencers) if (s !== undefined && compareSequencers(s, best) > 0) best = s;
  return best;
}
