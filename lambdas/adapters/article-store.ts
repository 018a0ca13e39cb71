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

/** Everything stored for one article: its record item (if any) and the sort keys of all its items. */
export interface StoredArticle {
  readonly record?: TableItem;
  readonly sortKeys: readonly string[];
}

/** Outcome of committing a record item: written, or refused because that or a newer version is stored. */
export type CommitOutcome = 'written' | 'stale';

/**
 * The article table as the tag stage sees it. The record item is the commit point of an article version:
 * lookup items are written first, the record last, conditionally on its sequencer.
 */
export interface ArticleStore {
  get(articleId: string): Promise<ArticleRecord | undefined>;
  /** Reads all items of an article (strongly consistent). */
  load(articleId: string): Promise<StoredArticle>;
  /** Puts items unconditionally (lookup items; idempotent). */
  putItems(items: readonly TableItem[]): Promise<void>;
  /** Deletes items of an article by sort key (idempotent). */
  deleteItems(articleId: string, sortKeys: readonly string[]): Promise<void>;
  /** Writes the record item unless a newer version (greater sequencer), or this very revision, is stored. */
  commitRecord(record: TableItem): Promise<CommitOutcome>;
}

const BATCH = 25;

/** {@link ArticleStore} over an injected DynamoDB document client. */
export class DynamoArticleStore implements ArticleStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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

  public async load(articleId: string): Promise<StoredArticle> {
    const pk = articlePk(articleId);
    const sortKeys: string[] = [];
    let record: TableItem | undefined;
    let start: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) {
          sortKeys.push(String(item.sk));
          if (item.sk === RECORD_SK) record = item as TableItem;
        }
        start = out.LastEvaluatedKey;
      } while (start);
    } catch (error) {
      throw new AdapterError(`Cannot list items of ${pk}`, { cause: error });
    }
    return record ? { record, sortKeys } : { sortKeys };
  }

  public async putItems(items: readonly TableItem[]): Promise<void> {
    await this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })));
  }

  public async deleteItems(articleId: string, sortKeys: readonly string[]): Promise<void> {
    const pk = articlePk(articleId);
    await this.batchWrite(sortKeys.map((sk) => ({ DeleteRequest: { Key: { pk, sk } } })));
  }

  public async commitRecord(record: TableItem): Promise<CommitOutcome> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          // Newer versions win; one version is written once per revision (a redelivery is not a new write).
          ConditionExpression: 'attribute_not_exists(#seq) OR #seq < :seq OR (#seq = :seq AND #rev <> :rev)',
          ExpressionAttributeNames: {
            '#seq': TABLE_DESIGN.sequencerAttribute,
            '#rev': TABLE_DESIGN.revisionAttribute,
          },
          ExpressionAttributeValues: {
            ':seq': record[TABLE_DESIGN.sequencerAttribute],
            ':rev': record[TABLE_DESIGN.revisionAttribute],
          },
        }),
      );
      return 'written';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw new AdapterError(`Cannot write record ${record.pk}`, { cause: error });
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
