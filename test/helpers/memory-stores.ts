/**
 * In-memory stores with the semantics the stages rely on: S3's conditional writes and 404s, and the article
 * table's consistent partition reads and conditional record put. Tests and the bench run the real stages and
 * the real {@link TableArticleStore} over them, without I/O.
 */
import { createHash } from 'node:crypto';
import { TableArticleStore } from '../../lambdas/adapters/article-store';
import {
  articlePk,
  isCurrentLayout,
  isRecordItem,
  recordKey,
  revisionOfItem,
  sequencerOfItem,
  type TableItem,
} from '../../lambdas/adapters/article-table';
import { PreconditionFailedError } from '../../lambdas/adapters/errors';
import type { ItemKey, ItemTable, RecordPutOutcome } from '../../lambdas/adapters/item-table';
import type {
  GetResult,
  ObjectHead,
  ObjectLocation,
  ObjectStore,
  PutOptions,
  WriteConditions,
} from '../../lambdas/adapters/object-store';

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

/** The article table's items in memory: partitions of items by sort key. */
export class MemoryItemTable implements ItemTable {
  private readonly partitions = new Map<string, Map<string, TableItem>>();

  /** Every item stored for an article, wherever it lives (a scan: tests only). */
  public itemsOf(articleId: string): TableItem[] {
    const pk = articlePk(articleId);
    return [...this.partitions.values()]
      .flatMap((items) => [...items.values()])
      .filter((item) => item.pk === pk || item.articleId === articleId);
  }

  public async getRecordItem(articleId: string): Promise<TableItem | undefined> {
    const { pk, sk } = recordKey(articleId);
    return this.partitions.get(pk)?.get(sk);
  }

  public async loadArticle(articleId: string): Promise<TableItem[]> {
    return [...(this.partitions.get(articlePk(articleId))?.values() ?? [])];
  }

  public async getItems(keys: readonly ItemKey[]): Promise<TableItem[]> {
    return keys.flatMap(({ pk, sk }) => this.partitions.get(pk)?.get(sk) ?? []);
  }

  public async putItems(items: readonly TableItem[]): Promise<void> {
    for (const item of items) this.partition(item.pk).set(item.sk, item);
  }

  public async deleteItems(keys: readonly ItemKey[]): Promise<void> {
    for (const { pk, sk } of keys) this.partitions.get(pk)?.delete(sk);
  }

  public async putRecord(item: TableItem): Promise<RecordPutOutcome> {
    const current = this.partition(item.pk).get(item.sk);
    const stored = current && sequencerOfItem(current);
    const next = sequencerOfItem(item) ?? '';
    const ok =
      current === undefined ||
      stored === undefined ||
      stored < next ||
      (stored === next && (revisionOfItem(current) !== revisionOfItem(item) || !isCurrentLayout(current)));
    if (!ok) return 'stale';
    this.partition(item.pk).set(item.sk, item);
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

/** The real {@link TableArticleStore} over a {@link MemoryItemTable}, which tests may inspect. */
export class MemoryArticleStore extends TableArticleStore {
  public readonly items: MemoryItemTable;

  public constructor(items: MemoryItemTable = new MemoryItemTable()) {
    super(items);
    this.items = items;
  }

  /** Whether the article has a record item. */
  public async hasRecord(articleId: string): Promise<boolean> {
    return (await this.items.loadArticle(articleId)).some(isRecordItem);
  }
}

function etagOf(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
