import { TABLE_DESIGN } from '../core/record/table-design';
import type { ArticleRecord } from '../core/record/types';

/** Attributes of the record item that serve the table (keys, index keys, ordering), not the record contract. */
const TABLE_ATTRIBUTES: readonly string[] = [
  TABLE_DESIGN.partitionKey,
  TABLE_DESIGN.sortKey,
  TABLE_DESIGN.lookupIndex.partitionKey,
  TABLE_DESIGN.lookupIndex.sortKey,
  TABLE_DESIGN.sequencerAttribute,
  TABLE_DESIGN.revisionAttribute,
  'articleId',
];

/** The {@link ArticleRecord} stored in a record item: the item without its table attributes. */
export function toArticleRecord(item: Record<string, unknown>): ArticleRecord {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item))
    if (!TABLE_ATTRIBUTES.includes(name)) record[name] = value;
  return record as unknown as ArticleRecord;
}
