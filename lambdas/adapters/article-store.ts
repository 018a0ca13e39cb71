import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { articlePk, RECORD_SK, TABLE_DESIGN } from '../core/record/table-design';
import type { TableItem } from '../core/record/table-items';
import type { ArticleRecord } from '../core/record/types';
import { AdapterError } from './errors';

/** Outcome of writing an article's items. */
export type PutOutcome = 'written' | 'stale';

/** The article table as the tag stage (and readers) see it. */
export interface ArticleStore {
  /**
   * Replaces all items of one article. The record item is written only if no newer version (greater sequencer)
   * is stored; lookup items of the previous version that the new one lacks are deleted.
   */
  put(items: readonly TableItem[]): Promise<PutOutcome>;
  /** Deletes every item of an article; deleting a missing article succeeds. */
  delete(articleId: string): Promise<number>;
  get(articleId: string): Promise<ArticleRecord | undefined>;
}

const BATCH = 25;

/** {@link ArticleStore} over an injected DynamoDB document client. */
export class DynamoArticleStore implements ArticleStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async put(items: readonly TableItem[]): Promise<PutOutcome> {
    const record = items.find((i) => i.sk === RECORD_SK);
    if (record === undefined) throw new AdapterError('put needs the record item');
    const existingKeys = await this.keysOf(record.pk);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: 'attribute_not_exists(#seq) OR #seq <= :seq',
          ExpressionAttributeNames: { '#seq': TABLE_DESIGN.sequencerAttribute },
          ExpressionAttributeValues: { ':seq': record[TABLE_DESIGN.sequencerAttribute] },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw new AdapterError(`Cannot write record ${record.pk}`, { cause: error });
    }
    const wanted = new Set(items.map((i) => i.sk));
    const stale = existingKeys.filter((sk) => !wanted.has(sk));
    await this.batchWrite([
      ...items.filter((i) => i.sk !== RECORD_SK).map((Item) => ({ PutRequest: { Item } })),
      ...stale.map((sk) => ({ DeleteRequest: { Key: { pk: record.pk, sk } } })),
    ]);
    return 'written';
  }

  public async delete(articleId: string): Promise<number> {
    const pk = articlePk(articleId);
    const keys = await this.keysOf(pk);
    // Lookup items first, the record last: a crash in between leaves the record, and a retry finishes the job.
    const ordered = [...keys.filter((sk) => sk !== RECORD_SK), ...keys.filter((sk) => sk === RECORD_SK)];
    await this.batchWrite(ordered.map((sk) => ({ DeleteRequest: { Key: { pk, sk } } })));
    return keys.length;
  }

  public async get(articleId: string): Promise<ArticleRecord | undefined> {
    try {
      const out = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: articlePk(articleId), sk: RECORD_SK } }),
      );
      return out.Item as ArticleRecord | undefined;
    } catch (error) {
      throw new AdapterError(`Cannot read article ${articleId}`, { cause: error });
    }
  }

  private async keysOf(pk: string): Promise<string[]> {
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ProjectionExpression: 'sk',
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) keys.push(String(item.sk));
        start = out.LastEvaluatedKey;
      } while (start);
    } catch (error) {
      throw new AdapterError(`Cannot list items of ${pk}`, { cause: error });
    }
    return keys;
  }

  private async batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH) {
      let pending = requests.slice(i, i + BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new AdapterError(`${pending.length} writes left unprocessed after retries`);
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
