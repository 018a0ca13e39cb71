/**
 * Stores for the cost measurements: counting wrappers around the stages' object and article stores (what each
 * call costs on AWS is per request or per item), and in-memory stores to run the real stages without I/O.
 */
import { createHash } from 'node:crypto';
import type { ArticleStore, CommitOutcome, StoredArticle } from '../../lambdas/adapters/article-store';
import { PreconditionFailedError } from '../../lambdas/adapters/errors';
import type {
  GetResult,
  ObjectHead,
  ObjectLocation,
  ObjectStore,
  PutOptions,
  WriteConditions,
} from '../../lambdas/adapters/object-store';
import { articlePk, RECORD_SK, TABLE_DESIGN } from '../../lambdas/core/record/table-design';
import type { TableItem } from '../../lambdas/core/record/table-items';
import type { ArticleRecord } from '../../lambdas/core/record/types';
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
 * Counts every article-store call into `log` as the DynamoDB requests it makes, and keeps the items written.
 * `onCommit` sees each record item once its conditional write has succeeded (the moment it is readable).
 */
export function countingArticleStore(
  inner: ArticleStore,
  log: CallLog,
  onCommit?: (record: TableItem) => void,
): ArticleStore {
  return {
    get: (articleId) => {
      log.ddbGet++;
      return inner.get(articleId);
    },
    load: async (articleId) => {
      const stored = await inner.load(articleId);
      // The store reads whole items; the query's cost follows their sizes. Only the record's size is known
      // here, the lookup items are small (< 1 KB each), so they are counted at their upper bound.
      const sizes = stored.sortKeys.map((sk) =>
        sk === RECORD_SK && stored.record ? itemSize(stored.record) : 1024,
      );
      log.ddbQueries.push(sizes);
      return stored;
    },
    putItems: (items) => {
      log.ddbBatchWrites += Math.ceil(items.length / BATCH_WRITE_LIMIT);
      log.itemsPut.push(...items);
      return inner.putItems(items);
    },
    deleteItems: (articleId, sortKeys) => {
      log.ddbBatchWrites += Math.ceil(sortKeys.length / BATCH_WRITE_LIMIT);
      log.itemsDeleted += sortKeys.length;
      return inner.deleteItems(articleId, sortKeys);
    },
    commitRecord: async (record) => {
      log.ddbPutItem++;
      const outcome = await inner.commitRecord(record);
      if (outcome === 'written') {
        log.itemsPut.push(record);
        onCommit?.(record);
      }
      return outcome;
    },
  };
}

interface MemoryObject {
  readonly bytes: Uint8Array;
  readonly eTag: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly contentType?: string;
}

/** S3 semantics the stages rely on (conditional writes, 404s), in memory. */
export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, MemoryObject>();

  /** Stores an object as an uploader would. */
  public upload(location: ObjectLocation, bytes: Uint8Array, contentType: string): void {
    this.objects.set(this.id(location), { bytes, eTag: etagOf(bytes), metadata: {}, contentType });
  }

  /** The stored bytes of an object, if any. */
  public bytesOf(location: ObjectLocation): Uint8Array | undefined {
    return this.objects.get(this.id(location))?.bytes;
  }

  public async get(location: ObjectLocation, maxBytes = Number.POSITIVE_INFINITY): Promise<GetResult> {
    const o = this.objects.get(this.id(location));
    if (o === undefined) return { status: 'missing' };
    if (o.bytes.length > maxBytes) return { status: 'too-large', size: o.bytes.length };
    return {
      status: 'found',
      object: {
        bytes: o.bytes,
        size: o.bytes.length,
        eTag: o.eTag,
        metadata: o.metadata,
        ...(o.contentType ? { contentType: o.contentType } : {}),
      },
    };
  }

  public async head(location: ObjectLocation): Promise<ObjectHead | undefined> {
    const o = this.objects.get(this.id(location));
    return o === undefined ? undefined : { eTag: o.eTag, metadata: o.metadata };
  }

  public async put(
    location: ObjectLocation,
    body: string | Uint8Array,
    options: PutOptions,
  ): Promise<string> {
    this.check(location, options);
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const eTag = etagOf(bytes);
    this.objects.set(this.id(location), {
      bytes,
      eTag,
      metadata: { ...options.metadata },
      contentType: options.contentType,
    });
    return eTag;
  }

  public async delete(
    location: ObjectLocation,
    conditions: Pick<WriteConditions, 'ifMatch'> = {},
  ): Promise<void> {
    this.check(location, conditions);
    this.objects.delete(this.id(location));
  }

  private check(location: ObjectLocation, conditions: WriteConditions): void {
    const current = this.objects.get(this.id(location));
    const failed =
      (conditions.ifNoneMatch === '*' && current !== undefined) ||
      (conditions.ifMatch !== undefined && current?.eTag !== conditions.ifMatch);
    if (failed) throw new PreconditionFailedError(`${location.key} changed`);
  }

  private id(location: ObjectLocation): string {
    return `${location.bucket}\u0000${location.key}`;
  }
}

/** The article table's semantics the tag stage relies on (partition reads, conditional commit), in memory. */
export class MemoryArticleStore implements ArticleStore {
  private readonly partitions = new Map<string, Map<string, TableItem>>();

  public async get(articleId: string): Promise<ArticleRecord | undefined> {
    return this.partitions.get(articlePk(articleId))?.get(RECORD_SK) as ArticleRecord | undefined;
  }

  public async load(articleId: string): Promise<StoredArticle> {
    const items = this.partitions.get(articlePk(articleId)) ?? new Map<string, TableItem>();
    const record = items.get(RECORD_SK);
    const sortKeys = [...items.keys()].sort();
    return record ? { record, sortKeys } : { sortKeys };
  }

  public async putItems(items: readonly TableItem[]): Promise<void> {
    for (const item of items) this.partition(item.pk).set(item.sk, item);
  }

  public async deleteItems(articleId: string, sortKeys: readonly string[]): Promise<void> {
    const items = this.partition(articlePk(articleId));
    for (const sk of sortKeys) items.delete(sk);
  }

  public async commitRecord(record: TableItem): Promise<CommitOutcome> {
    const seq = TABLE_DESIGN.sequencerAttribute;
    const rev = TABLE_DESIGN.revisionAttribute;
    const current = this.partition(record.pk).get(RECORD_SK);
    const ok =
      current === undefined ||
      String(current[seq]) < String(record[seq]) ||
      (current[seq] === record[seq] && current[rev] !== record[rev]);
    if (!ok) return 'stale';
    this.partition(record.pk).set(RECORD_SK, record);
    return 'written';
  }

  private partition(pk: string): Map<string, TableItem> {
    let items = this.partitions.get(pk);
    if (items === undefined) {
      items = new Map();
      this.partitions.set(pk, items);
    }
    return items;
  }
}

function etagOf(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
