import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { toTableItems } from '../../lambdas/adapters/article-table';
import type { EntityType } from '../../lambdas/core/entities/types';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients';
import { type DynamoDbEngine, startLocalDynamoDb } from '../../local/dynamodb-server';
import { ensureArticleTable } from '../../local/resources';

/** A local DynamoDB API with the article table, in memory. */
export interface SeededTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly endpoint: string;
  /** Names of the commands sent through `client` since the last `clear`, with their inputs. */
  readonly sent: { name: string; input: Record<string, unknown> }[];
  write(records: readonly ArticleRecord[]): Promise<void>;
  putItem(item: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/** Starts an in-memory DynamoDB API with the table, and a document client that records what it sends. */
export async function startTable(engine: DynamoDbEngine): Promise<SeededTable> {
  const db = await startLocalDynamoDb({ engine, port: 0 });
  const raw = new DynamoDBClient({
    endpoint: db.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const tableName = 'newsflow-articles';
  await ensureArticleTable(raw, tableName);
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const writer = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const sent: SeededTable['sent'] = [];
  // Observation, not mocking: every command still goes to the server.
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  client.send = ((command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return send(command);
  }) as typeof client.send;
  return {
    client,
    tableName,
    endpoint: db.endpoint,
    sent,
    write: async (records) => {
      const requests = records.flatMap(toTableItems).map((Item) => ({ PutRequest: { Item } }));
      for (let i = 0; i < requests.length; i += 25) {
        await writer.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests.slice(i, i + 25) } }),
        );
      }
    },
    putItem: async (item) => {
      await writer.send(new PutCommand({ TableName: tableName, Item: item }));
    },
    stop: async () => {
      raw.destroy();
      await db.stop();
    },
  };
}

/** What a test article says; everything else gets a plausible default. */
export interface ArticleSpec {
  readonly key: string;
  readonly title?: string;
  readonly publishedAt?: string;
  /** The upload day, used when `publishedAt` is absent. @default '2019-12-21' */
  readonly uploadDay?: string;
  readonly entities?: readonly (readonly [canonical: string, type: EntityType, mentions?: number])[];
  readonly dates?: readonly string[];
  readonly status?: 'processed' | 'rejected';
}

/** A record as the tag stage would build it, without running taggers. */
export function record(spec: ArticleSpec): ArticleRecord {
  const id = articleIdFor('newsflow-raw', spec.key);
  const referenceDate = (spec.publishedAt ?? spec.uploadDay ?? '2019-12-21').slice(0, 10);
  const base = {
    id,
    source: {
      bucket: 'newsflow-raw',
      key: spec.key,
      eTag: 'etag',
      size: 100,
      sequencer: '0055AED6DCD90281E5',
      eventTime: `${spec.uploadDay ?? '2019-12-21'}T08:00:00.000Z`,
    },
    referenceDate,
    keywords: [],
    headings: [],
    wordCount: 10,
    pipelineVersion: 'test',
    taggerVersion: 'test',
    ingestedAt: '2019-12-21T08:00:01.000Z',
  };
  if (spec.status === 'rejected') {
    return {
      ...base,
      status: 'rejected',
      rejection: { code: 'EMPTY', message: 'empty' },
      entities: [],
      entitySummary: [],
      dates: [],
    };
  }
  return {
    ...base,
    status: 'processed',
    ...(spec.title === undefined ? {} : { title: spec.title }),
    ...(spec.publishedAt === undefined ? {} : { publishedAt: spec.publishedAt }),
    text: 'text',
    contentHash: 'hash',
    entities: [],
    entitySummary: (spec.entities ?? []).map(([canonical, type, mentions]) => ({
      canonical,
      type,
      mentions: mentions ?? 1,
    })),
    dates: (spec.dates ?? []).map((value) => ({
      text: value,
      type: 'DATE' as const,
      value,
      start: 0,
      end: 1,
      rule: 'test',
    })),
  };
}

/** The article id of a spec's key. */
export function idOf(key: string): string {
  return articleIdFor('newsflow-raw', key);
}

/**
 * Starts a table for the enclosing `describe` (before its tests, stopped after them) and returns a getter for it.
 */
export function useTable(engine: DynamoDbEngine): () => SeededTable {
  let table: SeededTable | undefined;
  beforeAll(async () => {
    table = await startTable(engine);
  }, 60_000);
  afterAll(async () => {
    await table?.stop();
  });
  return () => {
    if (table === undefined) throw new Error('the table has not started');
    return table;
  };
}
