import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { TableArticleStore } from '../../lambdas/adapters/article-store';
import { documentClient } from '../../lambdas/adapters/document-client';
import { DynamoItemTable } from '../../lambdas/adapters/item-table';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { readArticleText, TextVersionError } from '../../lambdas/reader';
import type { DynamoDbEngine } from '../../local/dynamodb-server';
import type { InvocationSummary } from '../../local/queue-poller';
import { LocalRuntime, type LocalRuntimeOptions } from '../../local/runtime';
import { itemLabels } from './item-labels';

/** A local runtime on free ports in a temporary directory, with helpers for tests. */
export interface TestPipeline {
  readonly runtime: LocalRuntime;
  readonly invocations: InvocationSummary[];
  upload(key: string, body: string | Uint8Array, contentType?: string): Promise<void>;
  remove(key: string): Promise<void>;
  record(key: string): Promise<ArticleRecord | undefined>;
  /**
   * The text of the article of `key`: the record's own, or its processed document's when the record names it
   * (`textRef`) and the document is still the record's version.
   */
  text(key: string): Promise<string | undefined>;
  /** Labels of every item stored for the article of `key` (see `itemLabels`). */
  itemKeys(key: string): Promise<string[]>;
  processedKeys(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts a fresh runtime for one test file. */
export async function startTestPipeline(
  engine: DynamoDbEngine,
  options: Partial<LocalRuntimeOptions> = {},
): Promise<TestPipeline> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-test-'));
  const invocations: InvocationSummary[] = [];
  const runtime = await LocalRuntime.start({
    s3Port: 0,
    dynamodbPort: 0,
    dynamodb: engine,
    dataDir,
    fresh: true,
    functionTimeoutMs: 10_000,
    // Short enough to see redelivery in a test, long enough that a slow invocation is not redelivered meanwhile.
    visibilityTimeoutMs: 2000,
    maxReceiveCount: 3,
    onInvocation: (s) => invocations.push(s),
    ...options,
    taggers: options.taggers ?? loadTaggers(),
  });
  const bucket = runtime.names.rawBucket;
  const items = new DynamoItemTable(documentClient(runtime.dynamodbClient), runtime.names.table);
  const store = new TableArticleStore(items);
  return {
    runtime,
    invocations,
    upload: async (key, body, contentType = 'text/plain') => {
      await runtime.s3Client.send(
        // Bytes, not a string: the SDK sets no Content-Length for an empty string body and warns that it
        // may be a stream of unknown length (bytes of length 0 get `Content-Length: 0`).
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: toBytes(body), ContentType: contentType }),
      );
    },
    remove: async (key) => {
      await runtime.s3Client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    record: (key) => store.get(articleIdFor(bucket, key)),
    text: async (key) => {
      const record = await store.get(articleIdFor(bucket, key));
      if (record === undefined) return undefined;
      try {
        return await readArticleText(runtime.s3Client, record);
      } catch (error) {
        // Another version replaced the document since the record was read: no text of this version.
        if (error instanceof TextVersionError) return undefined;
        throw error;
      }
    },
    itemKeys: async (key) => itemLabels(await store.itemsOf(articleIdFor(bucket, key))),
    processedKeys: async () => {
      const out = await runtime.s3Client.send(
        new ListObjectsV2Command({ Bucket: runtime.names.processedBucket }),
      );
      return (out.Contents ?? []).map((o) => o.Key ?? '');
    },
    stop: async () => {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a Java runtime is available for DynamoDB Local. */
export function hasJava(): boolean {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  return spawnSync('java', ['-version']).status === 0;
}

/** A PutObject body as bytes (see `upload`). */
export function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}
