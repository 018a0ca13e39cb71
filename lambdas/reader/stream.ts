import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { articleIdOfPk, RECORD_SK, recordFromItem, TABLE_DESIGN } from '../adapters/article-table';
import type { ArticleRecord } from '../core/record/types';
import { ReaderError } from './errors';

/**
 * A Lambda event filter pattern (DynamoDB stream source) that passes record items only — what a consumer of
 * article changes wants; lookup items come and go with every write.
 */
export const RECORD_CHANGES_FILTER = {
  dynamodb: { Keys: { [TABLE_DESIGN.sortKey]: { S: [RECORD_SK] } } },
} as const;

/** What happened to an article, from one stream record of its record item. */
export type ArticleChange =
  | { readonly kind: 'created'; readonly articleId: string; readonly record: ArticleRecord }
  | {
      readonly kind: 'updated';
      readonly articleId: string;
      readonly record: ArticleRecord;
      readonly previous: ArticleRecord;
    }
  | { readonly kind: 'deleted'; readonly articleId: string; readonly previous: ArticleRecord };

/**
 * Reads a DynamoDB stream record (view type `NEW_AND_OLD_IMAGES`) as an {@link ArticleChange}: `INSERT` →
 * created, `MODIFY` → updated, `REMOVE` → deleted. Records of lookup items give undefined.
 */
export function articleChangeOf(streamRecord: DynamoDBRecord): ArticleChange | undefined {
  const data = streamRecord.dynamodb;
  if (data?.Keys?.[TABLE_DESIGN.sortKey]?.S !== RECORD_SK) return undefined;
  const image = (attributes: object | undefined) =>
    attributes === undefined
      ? undefined
      : recordFromItem(unmarshall(attributes as Record<string, AttributeValue>));
  const record = image(data.NewImage);
  const previous = image(data.OldImage);
  const articleId = articleIdOfPk(data.Keys[TABLE_DESIGN.partitionKey]?.S ?? '') ?? '';
  switch (streamRecord.eventName) {
    case 'INSERT':
      if (record) return { kind: 'created', articleId, record };
      break;
    case 'MODIFY':
      if (record && previous) return { kind: 'updated', articleId, record, previous };
      break;
    case 'REMOVE':
      if (previous) return { kind: 'deleted', articleId, previous };
      break;
  }
  throw new ReaderError(
    `Stream record ${streamRecord.eventID ?? ''} (${streamRecord.eventName}) lacks the images NEW_AND_OLD_IMAGES gives`,
  );
}
