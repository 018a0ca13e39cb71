import { createHash } from 'node:crypto';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { recordFromItem, recordKey, TABLE_DESIGN } from '../adapters/article-table';
import type { ArticleRecord } from '../core/record/types';
import { InvalidCursorError, TableReadError } from './errors';
import type { ArticleQuery, ArticleSummary, Page } from './types';

/** A raw index item as the document client returns it. */
export type IndexItem = Record<string, unknown>;

/** One key condition on a lookup partition; a query runs its segments in order (e.g. one per day). */
export interface Segment {
  readonly keyCondition: string;
  readonly values: Record<string, string>;
}

/** Everything that defines one list query. */
export interface LookupPlan<T extends ArticleSummary> {
  /** Identifies the query's arguments; cursors carry it so they cannot resume another query. */
  readonly identity: string;
  /** Whether the segments query the `lookup` index (publication days) rather than the table's lookup partitions. */
  readonly onIndex: boolean;
  readonly segments: readonly Segment[];
  readonly filter?: { readonly expression: string; readonly values: Record<string, string> };
  /** Builds a hit from the lookup (or index) items of one article (consecutive in the query). */
  readonly toHit: (items: readonly IndexItem[]) => T;
  /** Whether a freshly read record still answers the query (the index is eventually consistent). */
  readonly stillMatches: (record: ArticleRecord) => boolean;
}

/** Where the table is and how to read it. */
export interface ReadContext {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly pageSize: number;
  readonly consistentRead: boolean;
  readonly cursor?: string;
}

/** A position in a query: the segment, and the index key of the last item consumed in it. */
interface Position {
  readonly segment: number;
  readonly key: Record<string, string>;
}

/** 2: lookup partitions moved from the index to the table (layout 2), so positions changed shape. */
const CURSOR_VERSION = 2;
/** BatchGetItem's limit on keys per request. */
const BATCH_GET_MAX = 100;

/** Runs a {@link LookupPlan} lazily as an {@link ArticleQuery}. */
export function lookupQuery<T extends ArticleSummary>(
  plan: LookupPlan<T>,
  ctx: ReadContext,
): ArticleQuery<T> {
  const identity = createHash('sha256').update(plan.identity).digest('base64url').slice(0, 16);
  const start =
    ctx.cursor === undefined ? undefined : decodeCursor(ctx.cursor, identity, plan.segments.length);

  async function* hits(): AsyncGenerator<{ hit: T; position: Position }> {
    let group: IndexItem[] = [];
    let last: Position | undefined;
    for await (const { item, position } of indexItems(plan, ctx, start)) {
      // An article's items share their index key, so they arrive together; a hit is complete when the next differs.
      if (last && (position.segment !== last.segment || item.articleId !== group[0]?.articleId)) {
        yield { hit: plan.toHit(group), position: last };
        group = [];
      }
      group.push(item);
      last = position;
    }
    if (last) yield { hit: plan.toHit(group), position: last };
  }

  async function* pages(): AsyncGenerator<Page<T>> {
    const it = hits();
    let next = await it.next();
    if (next.done) {
      yield { items: [] };
      return;
    }
    while (!next.done) {
      const items: T[] = [];
      let last: Position = next.value.position;
      while (!next.done && items.length < ctx.pageSize) {
        items.push(next.value.hit);
        last = next.value.position;
        next = await it.next();
      }
      yield next.done ? { items } : { items, cursor: encodeCursor(identity, last) };
    }
  }

  async function* records(): AsyncGenerator<ArticleRecord> {
    for await (const page of pages()) {
      const ids = page.items.map((h) => h.articleId);
      for (let i = 0; i < ids.length; i += BATCH_GET_MAX) {
        const found = await batchGetRecords(ctx, ids.slice(i, i + BATCH_GET_MAX));
        for (const id of ids.slice(i, i + BATCH_GET_MAX)) {
          const record = found.get(id);
          if (record && plan.stillMatches(record)) yield record;
        }
      }
    }
  }

  return {
    [Symbol.asyncIterator]: async function* () {
      for await (const { hit } of hits()) yield hit;
    },
    pages,
    records,
  };
}

async function* indexItems(
  plan: LookupPlan<ArticleSummary>,
  ctx: ReadContext,
  start: Position | undefined,
): AsyncGenerator<{ item: IndexItem; position: Position }> {
  const index = TABLE_DESIGN.lookupIndex;
  for (let segment = start?.segment ?? 0; segment < plan.segments.length; segment++) {
    const { keyCondition, values } = plan.segments[segment]!;
    let exclusiveStartKey: Record<string, unknown> | undefined =
      segment === start?.segment ? start.key : undefined;
    do {
      let out: QueryCommandOutput;
      try {
        out = await ctx.client.send(
          new QueryCommand({
            TableName: ctx.tableName,
            ...(plan.onIndex ? { IndexName: index.name } : {}),
            KeyConditionExpression: keyCondition,
            ...(plan.filter ? { FilterExpression: plan.filter.expression } : {}),
            ExpressionAttributeValues: { ...values, ...plan.filter?.values },
            ScanIndexForward: false,
            // One more than a page, so a full page knows whether another follows without a second request.
            Limit: ctx.pageSize + 1,
            ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
          }),
        );
      } catch (error) {
        const where = plan.onIndex ? `the ${index.name} index of ${ctx.tableName}` : ctx.tableName;
        throw new TableReadError(`Cannot query ${where}`, { cause: error });
      }
      for (const item of out.Items ?? [])
        yield { item, position: { segment, key: positionKeyOf(item, plan.onIndex) } };
      exclusiveStartKey = out.LastEvaluatedKey;
    } while (exclusiveStartKey);
  }
}

/** The key DynamoDB needs to resume a query after `item`: the table keys, and the index keys on the index. */
function positionKeyOf(item: IndexItem, onIndex: boolean): Record<string, string> {
  const index = TABLE_DESIGN.lookupIndex;
  const names: string[] = [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey];
  if (onIndex) names.push(index.partitionKey, index.sortKey);
  return Object.fromEntries(names.map((n) => [n, String(item[n])]));
}

/** Reads records by id in one BatchGetItem (retrying keys DynamoDB leaves unprocessed). */
async function batchGetRecords(
  ctx: ReadContext,
  ids: readonly string[],
): Promise<Map<string, ArticleRecord>> {
  const found = new Map<string, ArticleRecord>();
  let keys: Record<string, unknown>[] = ids.map((id) => ({ ...recordKey(id) }));
  for (let attempt = 0; keys.length > 0; attempt++) {
    if (attempt > 8) throw new TableReadError(`${keys.length} record reads left unprocessed after retries`);
    if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
    try {
      const out = await ctx.client.send(
        new BatchGetCommand({
          RequestItems: { [ctx.tableName]: { Keys: keys, ConsistentRead: ctx.consistentRead } },
        }),
      );
      for (const item of out.Responses?.[ctx.tableName] ?? []) {
        const record = recordFromItem(item);
        found.set(record.id, record);
      }
      keys = out.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    } catch (error) {
      throw new TableReadError(`Cannot read records from ${ctx.tableName}`, { cause: error });
    }
  }
  return found;
}

function encodeCursor(identity: string, position: Position): string {
  const body = { v: CURSOR_VERSION, q: identity, s: position.segment, k: position.key };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeCursor(cursor: string, identity: string, segments: number): Position {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError('Malformed cursor', { cause: error });
  }
  const c = body as { v?: unknown; q?: unknown; s?: unknown; k?: unknown };
  const keyValid =
    typeof c.k === 'object' && c.k !== null && Object.values(c.k).every((v) => typeof v === 'string');
  if (c.v !== CURSOR_VERSION || typeof c.s !== 'number' || !Number.isInteger(c.s) || !keyValid)
    throw new InvalidCursorError('Malformed cursor');
  if (c.q !== identity) throw new InvalidCursorError('The cursor belongs to a different query');
  if (c.s < 0 || c.s >= segments) throw new InvalidCursorError('Malformed cursor');
  return { segment: c.s, key: c.k as Record<string, string> };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
