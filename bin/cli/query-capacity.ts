import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Capacity units a client consumed, as DynamoDB reported them (`ReturnConsumedCapacity: INDEXES`). */
export interface CapacityTotals {
  requests: number;
  /** Units of the table itself (read or write, by operation). */
  table: number;
  /** Units of its global secondary indexes. */
  indexes: number;
  /** Requests that write (put, update, delete, batch or transactional writes). */
  writeRequests: number;
}

/** A running total of consumed capacity; `take()` returns what was consumed since the last take. */
export interface CapacityMeter {
  take(): CapacityTotals;
}

interface ConsumedCapacity {
  readonly CapacityUnits?: number;
  readonly Table?: { readonly CapacityUnits?: number };
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number }>;
}

const WRITES = /^(?:Put|Update|Delete|BatchWrite|TransactWrite)/;

/**
 * Asks DynamoDB to report consumed capacity on every request of `client` (and of document clients built on
 * it, which share its middleware) and adds it up. The units are the server's own accounting.
 */
export function meterCapacity(client: DynamoDBClient): CapacityMeter {
  let totals: CapacityTotals = { requests: 0, table: 0, indexes: 0, writeRequests: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] })
        .ConsumedCapacity;
      totals.requests++;
      if (WRITES.test(String(context.commandName ?? ''))) totals.writeRequests++;
      for (const c of [reported ?? []].flat()) {
        const indexes = Object.values(c.GlobalSecondaryIndexes ?? {}).reduce(
          (n, i) => n + (i.CapacityUnits ?? 0),
          0,
        );
        // Some engines report only the total; what is not an index's is the table's.
        totals.table += c.Table?.CapacityUnits ?? (c.CapacityUnits ?? 0) - indexes;
        totals.indexes += indexes;
      }
      return result;
    },
    { step: 'initialize', name: 'newsflowCapacityMeter' },
  );
  return {
    take: () => {
      const out = totals;
      totals = { requests: 0, table: 0, indexes: 0, writeRequests: 0 };
      return out;
    },
  };
}
