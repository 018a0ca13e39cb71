import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { articlePk, type ItemKey, recordKey, TABLE_DESIGN, type TableItem } from './article-table';
import { AdapterError } from './errors';

export type { ItemKey } from './article-table';

/** Outcome of a conditional record write: written, or refused because that or a newer version is stored. */
export type RecordPutOutcome = 'written' | 'stale';

/**
 * The article table item by item: the few requests {@link TableArticleStore} builds its convergence order
 * from. Only the article store uses it; the stages speak records through the store.
 */
export interface ItemTable {
  /** The record item of an article (strongly consistent), or undefined. */
  getRecordItem(articleId: string): Promise<TableItem | undefined>;
  /** Every item of an article's partition (strongly consistent): its record item and bookkeeping. */
  loadArticle(articleId: string): Promise<TableItem[]>;
  /** The items of these keys that exist (strongly consistent). */
  getItems(keys: readonly ItemKey[]): Promise<TableItem[]>;
  /** Puts items unconditionally (lookup items; idempotent). */
  putItems(items: readonly TableItem[]): Promise<void>;
  /** Deletes items by key (idempotent). */
  deleteItems(keys: readonly ItemKey[]): Promise<void>;
  /**
   * Puts a record item unless a newer version (greater sequencer), or this very revision in the same layout, is
   * stored.
   */
  putRecord(item: TableItem): Promise<RecordPutOutcome>;
}

/** BatchWriteItem takes at most 25 requests. */
const BATCH = 25;
/** BatchGetItem takes at most 100 keys. */
const BATCH_GET = 100;

/** {@link ItemTable} over an injected DynamoDB document client. */
export class DynamoItemTable implements ItemTable {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async getRecordItem(articleId: string): Promise<TableItem | undefined> {
    try {
      const out = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: recordKey(articleId), ConsistentRead: true }),
      );
      return out.Item as TableItem | undefined;
    } catch (error) {
      throw new AdapterError(`Cannot read article ${articleId}`, { cause: error });
    }
  }

  public async loadArticle(articleId: string): Promise<TableItem[]> {
    const pk = articlePk(articleId);
    const items: TableItem[] = [];
    let start: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': TABLE_DESIGN.partitionKey },
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...((out.Items ?? []) as TableItem[]));
        start = out.LastEvaluatedKey;
      } while (start);
    } catch (error) {
      throw new AdapterError(`Cannot list items of ${pk}`, { cause: error });
    }
    return items;
  }

  public async getItems(keys: readonly ItemKey[]): Promise<TableItem[]> {
    const found: TableItem[] = [];
    for (let i = 0; i < keys.length; i += BATCH_GET) {
      let pending: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET).map(({ pk, sk }) => ({ pk, sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new AdapterError(`${pending.length} reads left unprocessed after retries`);
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        try {
          const out = await this.client.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
            }),
          );
          found.push(...((out.Responses?.[this.tableName] ?? []) as TableItem[]));
          pending = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
        } catch (error) {
          throw new AdapterError('Batch read failed', { cause: error });
        }
      }
    }
    return found;
  }

  public async putItems(items: readonly TableItem[]): Promise<void> {
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
  }

  public async deleteItems(keys: readonly ItemKey[]): Promise<void> {
    await this.batchWrite(keys.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })));
  }

  public async putRecord(item: TableItem): Promise<RecordPutOutcome> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          // Newer versions win; one version is written once per revision (a redelivery is not a new write).
          // A record of an older layout is rewritten even when its revision is unchanged (migration).
          ConditionExpression:
            'attribute_not_exists(#seq) OR #seq < :seq OR (#seq = :seq AND (#rev <> :rev OR attribute_not_exists(#layout) OR #layout <> :layout))',
          ExpressionAttributeNames: {
            '#seq': TABLE_DESIGN.sequencerAttribute,
            '#rev': TABLE_DESIGN.revisionAttribute,
            '#layout': TABLE_DESIGN.layoutAttribute,
          },
          ExpressionAttributeValues: {
            ':seq': item[TABLE_DESIGN.sequencerAttribute],
            ':rev': item[TABLE_DESIGN.revisionAttribute],
            ':layout': item[TABLE_DESIGN.layoutAttribute],
          },
        }),
      );
      return 'written';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw new AdapterError(`Cannot write record ${item.pk}`, { cause: error });
    }
  }

  private async batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH) {
      let pending = requests.slice(i, i + BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new AdapterError(`${pending.length} writes left unprocessed after retries`);
        // Unprocessed items mean throttling: back off exponentially before resending them.
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        try {
          const out = await this.client.send(
            new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } }),
          );
          pending = (out.UnprocessedItems?.[this.tableName] ?? []) as Record<string, unknown>[];
        } catch (error) {
          throw new AdapterError('Batch write failed', { cause: error });
        }
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
