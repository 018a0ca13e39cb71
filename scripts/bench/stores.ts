/**
 * Counting wrappers for the cost measurements around the stages' object store and the article table's items
 * (what each call costs on AWS is per request or per item). The in-memory stores live in test/helpers.
 */
import type { ArticleStore } from '../../lambdas/adapters/article-store';
import { isRecordItem, type TableItem, toTableItems } from '../../lambdas/adapters/article-table';
import type { ItemTable } from '../../lambdas/adapters/item-table';
import type { ObjectStore } from '../../lambdas/adapters/object-store';
import { itemSize } from './dynamodb-units';

/** BatchWriteItem takes at most 25 requests. */
const BATCH_WRITE_LIMIT = 25;

/** Requests the stages made, by kind, and the items they wrote. */
export interface CallLog {
  s3Get: number;
  s3Head: number;
  s3Put: number;
  s3Delete: number;
  /** Strongly consistent partition queries (`load`), and the sizes of the items each returned. */
  ddbQueries: number[][];
  ddbGet: number;
  /** BatchGetItem requests (lookup items checked on a redelivery); their read units are in `ddbQueries`. */
  ddbBatchGets: number;
  /** BatchWriteItem requests (puts and deletes, 25 per request). */
  ddbBatchWrites: number;
  /** Conditional PutItem of the record (the commit point). */
  ddbPutItem: number;
  /** Every item put, lookup items and records. */
  itemsPut: TableItem[];
  itemsDeleted: number;
}

/** An empty call log. */
export function newCallLog(): CallLog {
  return {
    s3Get: 0,
    s3Head: 0,
    s3Put: 0,
    s3Delete: 0,
    ddbQueries: [],
    ddbGet: 0,
    ddbBatchGets: 0,
    ddbBatchWrites: 0,
    ddbPutItem: 0,
    itemsPut: [],
    itemsDeleted: 0,
  };
}

/** Counts every object-store call into `log` (each is one S3 request). */
export function countingObjectStore(inner: ObjectStore, log: CallLog): ObjectStore {
  return {
    get: (location, maxBytes) => {
      log.s3Get++;
      return inner.get(location, maxBytes);
    },
    head: (location) => {
      log.s3Head++;
      return inner.head(location);
    },
    put: (location, body, options) => {
      log.s3Put++;
      return inner.put(location, body, options);
    },
    delete: (location, conditions) => {
      log.s3Delete++;
      return inner.delete(location, conditions);
    },
  };
}

/**
 * Counts every item-table call into `log` as the DynamoDB requests it makes, and keeps the items written.
 * `onCommit` sees each record item once its conditional write has succeeded (the moment it is readable).
 */
export function countingItemTable(
  inner: ItemTable,
  log: CallLog,
  onCommit?: (record: TableItem) => void,
): ItemTable {
  return {
    getRecordItem: (articleId) => {
      log.ddbGet++;
      return inner.getRecordItem(articleId);
    },
    loadArticle: async (articleId) => {
      const items = await inner.loadArticle(articleId);
      // The query's cost follows the sizes of the items it returns.
      log.ddbQueries.push(items.map(itemSize));
      return items;
    },
    getItems: async (keys) => {
      const items = await inner.getItems(keys);
      // One BatchGetItem per 100 keys; strongly consistent reads cost by the sizes of the items found.
      log.ddbBatchGets += Math.ceil(keys.length / 100);
      log.ddbQueries.push(items.map(itemSize));
      return items;
    },
    putItems: (items) => {
      log.ddbBatchWrites += Math.ceil(items.length / BATCH_WRITE_LIMIT);
      log.itemsPut.push(...items);
      return inner.putItems(items);
    },
    deleteItems: (keys) => {
      log.ddbBatchWrites += Math.ceil(keys.length / BATCH_WRITE_LIMIT);
      log.itemsDeleted += keys.length;
      return inner.deleteItems(keys);
    },
    putRecord: async (item) => {
      log.ddbPutItem++;
      const outcome = await inner.putRecord(item);
      if (outcome === 'written') {
        log.itemsPut.push(item);
        onCommit?.(item);
      }
      return outcome;
    },
  };
}

/**
 * Observes an article store from outside (the local runtime's `wrapStores` hook): each committed version
 * counts as its record item and lookup items put, and `onCommit` sees its record item.
 */
export function committingArticleStore(
  inner: ArticleStore,
  log: CallLog,
  onCommit: (record: TableItem) => void,
): ArticleStore {
  return {
    get: (articleId) => inner.get(articleId),
    remove: (articleId) => inner.remove(articleId),
    sync: async (record) => {
      const outcome = await inner.sync(record);
      if (outcome === 'written') {
        const items = toTableItems(record);
        log.itemsPut.push(...items);
        onCommit(items.find(isRecordItem) ?? items[0]!);
      }
      return outcome;
    },
  };
}

/** Round-trip times the delaying stores wait, per request. */
export interface RequestLatencies {
  readonly s3Get: number;
  readonly s3Head: number;
  readonly s3Put: number;
  readonly s3Delete: number;
  readonly dynamoDb: number;
}

function after<T>(ms: number, call: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms)).then(call);
}

/** Makes every object-store call take its assumed round trip before it answers. */
export function delayingObjectStore(inner: ObjectStore, ms: RequestLatencies): ObjectStore {
  return {
    get: (location, maxBytes) => after(ms.s3Get, () => inner.get(location, maxBytes)),
    head: (location) => after(ms.s3Head, () => inner.head(location)),
    put: (location, body, options) => after(ms.s3Put, () => inner.put(location, body, options)),
    delete: (location, conditions) => after(ms.s3Delete, () => inner.delete(location, conditions)),
  };
}

/** Makes every item-table call take a DynamoDB round trip per request it makes (25 writes, 100 reads a batch). */
export function delayingItemTable(inner: ItemTable, ms: RequestLatencies): ItemTable {
  const batches = (n: number, size: number) => ms.dynamoDb * Math.max(1, Math.ceil(n / size));
  return {
    getRecordItem: (articleId) => after(ms.dynamoDb, () => inner.getRecordItem(articleId)),
    loadArticle: (articleId) => after(ms.dynamoDb, () => inner.loadArticle(articleId)),
    getItems: (keys) => after(batches(keys.length, 100), () => inner.getItems(keys)),
    putItems: (items) => after(batches(items.length, BATCH_WRITE_LIMIT), () => inner.putItems(items)),
    deleteItems: (keys) => after(batches(keys.length, BATCH_WRITE_LIMIT), () => inner.deleteItems(keys)),
    putRecord: (item) => after(ms.dynamoDb, () => inner.putRecord(item)),
  };
}
