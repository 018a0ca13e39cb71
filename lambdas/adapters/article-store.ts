import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../core/record/types';
import {
  articlePk,
  isRecordItem,
  recordFromItem,
  revisionOfItem,
  sequencerOfItem,
  type TableItem,
  toTableItems,
} from './article-table';
import { DynamoItemTable, type ItemKey, type ItemTable } from './item-table';

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

/**
 * {@link ArticleStore} over the table's items. A crash between steps leaves the previous record in place with
 * a superset or subset of lookup items; the redelivery that follows makes them exact again.
 */
export class TableArticleStore implements ArticleStore {
  public constructor(private readonly table: ItemTable) {}

  public async get(articleId: string): Promise<ArticleRecord | undefined> {
    const item = await this.table.getRecordItem(articleId);
    return item === undefined ? undefined : recordFromItem(item);
  }

  public async sync(record: ArticleRecord): Promise<SyncOutcome> {
    const items = toTableItems(record);
    const recordItem = items[0]!;
    const stored = await this.table.loadArticle(record.id);
    const storedRecord = stored.find(isRecordItem);
    const sequencer = sequencerOfItem(recordItem);
    const storedSequencer = storedRecord && sequencerOfItem(storedRecord);
    if (storedSequencer !== undefined && sequencer !== undefined && storedSequencer > sequencer)
      return 'stale';
    await this.syncLookups(record.id, stored, items);
    // This very version is stored: a conditional put would fail and still be billed for the whole item.
    if (
      storedRecord &&
      storedSequencer === sequencer &&
      revisionOfItem(storedRecord) === revisionOfItem(recordItem)
    )
      return 'unchanged';
    if ((await this.table.putRecord(recordItem)) === 'written') return 'written';
    // This or a newer version was committed meanwhile (or is this very revision): make the stored record's
    // lookup set exact again.
    const winnerItems = await this.table.loadArticle(record.id);
    const winner = winnerItems.find(isRecordItem);
    if (winner) await this.syncLookups(record.id, winnerItems, toTableItems(recordFromItem(winner)));
    return winner && sequencerOfItem(winner) === sequencer ? 'unchanged' : 'stale';
  }

  public async remove(articleId: string): Promise<boolean> {
    const stored = await this.table.loadArticle(articleId);
    // Lookup items first, the record last: a crash in between leaves the record, and a retry finishes the job.
    await this.table.deleteItems(stored.filter((i) => !isRecordItem(i)).map(keyOf));
    await this.table.deleteItems(stored.filter(isRecordItem).map(keyOf));
    return stored.length > 0;
  }

  /** Puts the wanted lookup items the article lacks and deletes the ones it should not have. */
  private async syncLookups(
    articleId: string,
    stored: readonly TableItem[],
    wanted: readonly TableItem[],
  ): Promise<void> {
    const have = new Set(stored.map((i) => i.sk));
    const wantedKeys = new Set(wanted.map((i) => i.sk));
    const lookups = wanted.filter((i) => !isRecordItem(i));
    const storedRecord = stored.find(isRecordItem);
    // A fresh version rewrites every lookup item (their titles and dates may have changed); a redelivery only
    // fills what is missing.
    const fresh =
      storedRecord === undefined || sequencerOfItem(storedRecord) !== sequencerOfItem(wanted[0] ?? {});
    await this.table.putItems(fresh ? lookups : lookups.filter((i) => !have.has(i.sk)));
    const pk = articlePk(articleId);
    await this.table.deleteItems(
      stored.filter((i) => !isRecordItem(i) && !wantedKeys.has(i.sk)).map((i) => ({ pk, sk: i.sk })),
    );
  }
}

/** {@link ArticleStore} on DynamoDB through an injected document client. */
export class DynamoArticleStore extends TableArticleStore {
  public constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(new DynamoItemTable(client, tableName));
  }
}

function keyOf(item: TableItem): ItemKey {
  return { pk: item.pk, sk: item.sk };
}
