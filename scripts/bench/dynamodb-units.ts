/**
 * DynamoDB capacity units from item sizes, by the rules AWS documents ("Item sizes and formats", "Read/write
 * capacity mode"), so the cost model needs no DynamoDB that meters: dynalite does not count index writes, and
 * DynamoDB Local needs Java.
 */
import { TABLE_DESIGN } from '../../lambdas/adapters/article-table';
import { itemSize } from '../../lambdas/adapters/item-size';

/** Bytes of overhead DynamoDB adds to every global secondary index entry. */
const INDEX_ENTRY_OVERHEAD = 100;

export { itemSize, valueSize } from '../../lambdas/adapters/item-size';

/**
 * Size of the item's entry in the lookup index (0 when the item lacks the index keys): the table and index keys,
 * the projected attributes and 100 bytes of overhead.
 */
export function lookupIndexEntrySize(item: Readonly<Record<string, unknown>>): number {
  const index = TABLE_DESIGN.lookupIndex;
  if (item[index.partitionKey] === undefined || item[index.sortKey] === undefined) return 0;
  const projected = new Set<string>([
    TABLE_DESIGN.partitionKey,
    TABLE_DESIGN.sortKey,
    index.partitionKey,
    index.sortKey,
    ...index.nonKeyAttributes,
  ]);
  const entry = Object.fromEntries(Object.entries(item).filter(([k]) => projected.has(k)));
  return itemSize(entry) + INDEX_ENTRY_OVERHEAD;
}

/** Write units of putting one new item: 1 per KB (rounded up) in the table, and again in each index it enters. */
export interface WriteUnits {
  readonly table: number;
  readonly index: number;
}

/** Write units of putting `item` where no item was (an overwrite costs the larger of old and new). */
export function writeUnits(item: Readonly<Record<string, unknown>>): WriteUnits {
  const indexBytes = lookupIndexEntrySize(item);
  return {
    table: Math.max(1, Math.ceil(itemSize(item) / 1024)),
    index: indexBytes === 0 ? 0 : Math.ceil(indexBytes / 1024),
  };
}

/**
 * Read units of one strongly consistent query returning items of these sizes: 1 per 4 KB of the whole result,
 * rounded up, and at least 1 (a query that finds nothing still costs a unit).
 */
export function strongQueryReadUnits(itemBytes: readonly number[]): number {
  const total = itemBytes.reduce((n, b) => n + b, 0);
  return Math.max(1, Math.ceil(total / 4096));
}
