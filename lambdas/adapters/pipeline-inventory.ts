import type { S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentSource, RawObject, StoredItems } from '../core/reconcile/plan';
import { processedKeyFor, SEQUENCER_METADATA_KEY } from '../core/record/processed-key';
import { storedItemsByArticle, type TableItem } from './article-table';
import { AdapterError } from './errors';
import { listObjects } from './object-listing';
import { S3ObjectStore } from './object-store';

/** What reconcile reads: the raw and processed buckets and the table, record by record. */
export interface PipelineInventory {
  /** Raw objects under a prefix, with their ETags. */
  listRaw(prefix: string): Promise<RawObject[]>;
  /** Keys of every processed document. */
  listDocumentKeys(): Promise<string[]>;
  /** What the table holds, article by article (a Scan: reads the whole table). */
  scanArticles(): Promise<StoredItems[]>;
  /** A processed document's sequencer and source, or undefined when it no longer exists. */
  readDocument(articleId: string): Promise<DocumentSource | undefined>;
}

/** Names of the resources an inventory reads. */
export interface InventoryNames {
  readonly rawBucket: string;
  readonly processedBucket: string;
  readonly table: string;
}

/** {@link PipelineInventory} over injected S3 and DynamoDB clients (AWS or the local emulators). */
export class AwsPipelineInventory implements PipelineInventory {
  private readonly objects: S3ObjectStore;

  public constructor(
    private readonly s3: S3Client,
    private readonly dynamodb: DynamoDBDocumentClient,
    private readonly names: InventoryNames,
  ) {
    this.objects = new S3ObjectStore(s3);
  }

  public async listRaw(prefix: string): Promise<RawObject[]> {
    return listObjects(this.s3, this.names.rawBucket, prefix);
  }

  public async listDocumentKeys(): Promise<string[]> {
    return (await listObjects(this.s3, this.names.processedBucket)).map((o) => o.key);
  }

  public async scanArticles(): Promise<StoredItems[]> {
    const items: TableItem[] = [];
    let start: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.dynamodb.send(
          new ScanCommand({ TableName: this.names.table, ...(start ? { ExclusiveStartKey: start } : {}) }),
        );
        items.push(...((out.Items ?? []) as TableItem[]));
        start = out.LastEvaluatedKey;
      } while (start);
    } catch (error) {
      throw new AdapterError(`Cannot scan table ${this.names.table}`, { cause: error });
    }
    return storedItemsByArticle(items);
  }

  public async readDocument(articleId: string): Promise<DocumentSource | undefined> {
    const got = await this.objects.get({
      bucket: this.names.processedBucket,
      key: processedKeyFor(articleId),
    });
    if (got.status !== 'found') return undefined;
    const sequencer = got.object.metadata[SEQUENCER_METADATA_KEY] ?? '0';
    const source = parseSource(got.object.bytes);
    return source ? { sequencer, source } : { sequencer };
  }
}

/** The `source` of a processed document, or undefined when the document is not one. */
function parseSource(bytes: Uint8Array): DocumentSource['source'] | undefined {
  try {
    const source = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { source?: Record<string, unknown> })
      .source;
    const { bucket, key, eTag } = source ?? {};
    if (typeof bucket !== 'string' || typeof key !== 'string' || typeof eTag !== 'string') return undefined;
    return { bucket, key, eTag };
  } catch {
    return undefined;
  }
}
