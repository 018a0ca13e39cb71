import { isDeepStrictEqual } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../core/record/types';
import {
  type ItemKey,
  intentItem,
  intentKey,
  isCurrentLayout,
  isIntentItem,
  isRecordItem,
  keyId,
  keysOfIntent,
  lookupKeysOf,
  recordFromItem,
  revisionOfItem,
  sequencerOfItem,
  type TableItem,
  toTableItems,
} from './article-table';
import { DynamoItemTable, type ItemTable } from './item-table';

/**
 * What {@link ArticleStore.sync} did: `written` (this version is now the stored record), `unchanged` (this very
 * version was already stored; its lookup items were restored) or `stale` (a newer version is stored).
 */
export type SyncOutcome = 'written' | 'unchanged' | 'stale';

/**
 * The article table as the pipeline sees it: domain records in, domain records out. The store owns the table
 * layout, the lookup items and the order that makes concurrent and interrupted writes converge.
 */
export interface ArticleStore {
  /** The stored record of an article (strongly consistent), or undefined. */
  get(articleId: string): Promise<ArticleRecord | undefined>;
  /**
   * Makes the table hold `record` and exactly its lookup items, unless a newer version (greater sequencer) is
   * stored. Lookup items are written and stale ones deleted first; the record item is the commit point.
   */
  sync(record: ArticleRecord): Promise<SyncOutcome>;
  /** Deletes every item of an article, the record last; true when anything was stored. */
  remove(articleId: string): Promise<boolean>;
}

/** What the article's own partition holds: its record item, its intent item, and items of layout 1. */
interface Partition {
  readonly record?: TableItem;
  /** Lookup keys written ahead of a record that may not have been committed. */
  readonly intent: readonly ItemKey[];
  /** Lookup items of layout 1 (in the article's partition): deleted when the article is next synced. */
  readonly legacy: readonly ItemKey[];
}

/**
 * {@link ArticleStore} over the table's items. Lookup items live in their own partitions, so the store finds an
 * article's lookup items from its committed record (they are derived from it) plus an intent item that lists
 * lookup items written ahead of a commit that may never happen (a crash, or a newer version winning). A crash
 * between steps therefore leaves no item the next sync cannot find and delete.
 */
export class TableArticleStore implements ArticleStore {
  public constructor(private readonly table: ItemTable) {}

  public async get(articleId: string): Promise<ArticleRecord | undefined> {
    const item = await this.table.getRecordItem(articleId);
    return item === undefined ? undefined : recordFromItem(item);
  }

  public async sync(record: ArticleRecord): Promise<SyncOutcome> {
    const [recordItem, ...lookups] = toTableItems(record) as [TableItem, ...TableItem[]];
    const stored = await this.partition(record.id);
    const sequencer = sequencerOfItem(recordItem) ?? '';
    const storedSequencer = stored.record && (sequencerOfItem(stored.record) ?? '');
    if (storedSequencer !== undefined && storedSequencer > sequencer) return 'stale';
    const current = stored.record ? derivedLookups(stored.record) : [];
    const wanted = new Set(lookups.map(keyId));
    const unwanted = [...current, ...stored.intent, ...stored.legacy].filter((k) => !wanted.has(keyId(k)));
    if (
      stored.record &&
      storedSequencer === sequencer &&
      revisionOfItem(stored.record) === revisionOfItem(recordItem) &&
      isCurrentLayout(stored.record)
    ) {
      // This very version is stored (a redelivery): restore what a crash may have left out, write nothing else.
      // The stored record's own items are restored (its title, say, may come from an older cleaning).
      const own = toTableItems(recordFromItem(stored.record)).slice(1);
      const present = new Set((await this.table.getItems(own)).map(keyId));
      await this.table.putItems(own.filter((l) => !present.has(keyId(l))));
      const kept = new Set(own.map(keyId));
      await this.table.deleteItems(dedupe(unwanted.filter((k) => !kept.has(keyId(k)))));
      return 'unchanged';
    }
    const intent = await this.recordIntent(record.id, stored, current, lookups);
    // Lookup items the stored record already has, unchanged, are not written again (a re-tag that finds the
    // same entities and dates rewrites only the record).
    const currentItems = new Map(
      (stored.record && isCurrentLayout(stored.record)
        ? toTableItems(recordFromItem(stored.record))
        : []
      ).map((i) => [keyId(i), i]),
    );
    await this.table.putItems(lookups.filter((l) => !isDeepStrictEqual(currentItems.get(keyId(l)), l)));
    await this.table.deleteItems(dedupe(unwanted));
    if ((await this.table.putRecord(recordItem)) === 'written') {
      // The committed record now accounts for its lookup items; an intent that still names others (deleted
      // above) would only make later syncs delete them again.
      if (intent.some((k) => !wanted.has(keyId(k)))) await this.table.deleteItems([intentKey(record.id)]);
      return 'written';
    }
    // This or a newer version was committed meanwhile: make the winner's lookup items exact again.
    const winner = await this.table.getRecordItem(record.id);
    if (winner === undefined) return 'stale';
    await this.sync(recordFromItem(winner));
    return sequencerOfItem(winner) === sequencer ? 'unchanged' : 'stale';
  }

  public async remove(articleId: string): Promise<boolean> {
    const own = await this.table.loadArticle(articleId);
    const stored = toPartition(own);
    const lookups = [
      ...(stored.record ? derivedLookups(stored.record) : []),
      ...stored.intent,
      ...stored.legacy,
    ];
    // Lookup items first, the record last: a crash in between leaves the record, and a retry finishes the job.
    await this.table.deleteItems(dedupe(lookups));
    await this.table.deleteItems(own.filter(isIntentItem).map(keyOf));
    await this.table.deleteItems(own.filter(isRecordItem).map(keyOf));
    return stored.record !== undefined || lookups.length > 0;
  }

  /** Every item stored for an article: record, lookup items, bookkeeping (for tools and tests). */
  public async itemsOf(articleId: string): Promise<TableItem[]> {
    const own = await this.table.loadArticle(articleId);
    const stored = toPartition(own);
    const derived = stored.record ? derivedLookups(stored.record) : [];
    return [...own, ...(await this.table.getItems(dedupe([...derived, ...stored.intent])))];
  }

  private async partition(articleId: string): Promise<Partition> {
    return toPartition(await this.table.loadArticle(articleId));
  }

  /**
   * Writes the intent item before lookup items the stored record does not account for: if this version is
   * never committed, the next sync still finds them. Skipped when the intent already lists them (a retry).
   * Returns the keys the intent item now lists.
   */
  private async recordIntent(
    articleId: string,
    stored: Partition,
    current: readonly ItemKey[],
    lookups: readonly ItemKey[],
  ): Promise<readonly ItemKey[]> {
    const accounted = new Set(current.map(keyId));
    const listed = new Set(stored.intent.map(keyId));
    const added = lookups.filter((k) => !accounted.has(keyId(k)));
    if (added.every((k) => listed.has(keyId(k)))) return stored.intent;
    const pending = dedupe([...stored.intent.filter((k) => !accounted.has(keyId(k))), ...added]);
    await this.table.putItems([intentItem(articleId, pending)]);
    return pending;
  }
}

/** {@link ArticleStore} on DynamoDB through an injected document client. */
export class DynamoArticleStore extends TableArticleStore {
  public constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(new DynamoItemTable(client, tableName));
  }
}

function toPartition(items: readonly TableItem[]): Partition {
  const record = items.find(isRecordItem);
  const intent = items.filter(isIntentItem).flatMap(keysOfIntent);
  const legacy = items.filter((i) => !isRecordItem(i) && !isIntentItem(i)).map(keyOf);
  return record ? { record, intent, legacy } : { intent, legacy };
}

/** The keys of the lookup items a committed record lists (none for layout 1, which kept them in its partition). */
function derivedLookups(recordItem: TableItem): ItemKey[] {
  return lookupKeysOf(recordItem);
}

function keyOf(item: ItemKey): ItemKey {
  return { pk: item.pk, sk: item.sk };
}

function dedupe(keys: readonly ItemKey[]): ItemKey[] {
  const seen = new Map<string, ItemKey>();
  for (const k of keys) seen.set(keyId(k), keyOf(k));
  return [...seen.values()];
}
