import {
  articleIdOfPk,
  isIntentItem,
  isRecordItem,
  RECORD_SK,
  type TableItem,
} from '../../lambdas/adapters/article-table';

/**
 * A readable label of each of an article's items, sorted: `RECORD` for the record item, the partition key
 * (`entityPk(…)`, `mentionPk(…)`) for a lookup item, the sort key for anything else in the article's own
 * partition (lookup items of layout 1). Intent items (bookkeeping) are left out.
 */
export function itemLabels(items: readonly TableItem[]): string[] {
  return items
    .filter((i) => !isIntentItem(i))
    .map((i) => (isRecordItem(i) ? RECORD_SK : articleIdOfPk(i.pk) === undefined ? i.pk : i.sk))
    .sort();
}
