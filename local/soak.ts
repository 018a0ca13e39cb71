import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentClient } from '../lambdas/adapters/document-client';
import { listObjects } from '../lambdas/adapters/object-listing';
import { AwsPipelineInventory } from '../lambdas/adapters/pipeline-inventory';
import { articleIdFor } from '../lambdas/core/record/article-id';
import { articleIdFromProcessedKey } from '../lambdas/core/record/processed-key';
import type { ChaosSettings } from './chaos';
import { LocalRuntime, type LocalRuntimeOptions } from './runtime';

/** Settings of a soak run. */
export interface SoakOptions {
  readonly articles: number;
  /** Article bodies to upload (cycled); generated when empty. */
  readonly corpus: readonly string[];
  readonly chaos: ChaosSettings;
  /** Share of articles overwritten and deleted while the pipeline is busy. @default 0.1 each */
  readonly overwriteShare?: number;
  readonly deleteShare?: number;
  readonly concurrency?: number;
  /** Extra runtime options (ports, data directory, engine). */
  readonly runtime?: Partial<LocalRuntimeOptions>;
  readonly drainTimeoutMs?: number;
  readonly onProgress?: (message: string) => void;
}

/** The soak's verdict: the one JSON line `npm run soak` ends with. */
export interface SoakReport {
  readonly uploaded: number;
  readonly overwritten: number;
  readonly deleted: number;
  /** Live raw objects at the end: each must have exactly one correct record. */
  readonly expected: number;
  readonly records: number;
  /** Lookup items the current record would not have (left over from an older version or a double write). */
  readonly duplicates: number;
  /** Records, items or processed documents of articles whose raw object does not exist. */
  readonly orphans: number;
  /** Live objects without a record of their current version, or with lookup items missing. */
  readonly lost: number;
  /** Messages in the dead-letter queues. */
  readonly dlq: number;
  readonly faults: { readonly duplicated: number; readonly delayed: number; readonly failedCalls: number };
  readonly timings: {
    readonly uploadS: number;
    readonly drainS: number;
    readonly totalS: number;
    readonly articlesPerS: number;
  };
}

/**
 * Starts a fresh embedded runtime with chaos on, uploads articles concurrently, overwrites and deletes some
 * while the pipeline is busy, waits for the queues to drain, then checks the table and the processed bucket
 * against the raw bucket.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const say = options.onProgress ?? (() => undefined);
  // A directory of its own: a soak must never touch the data of a developer's `npm start`.
  const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-soak-'));
  const runtime = await LocalRuntime.start({
    s3Port: 0,
    dynamodbPort: 0,
    dataDir,
    fresh: true,
    persistQueues: false,
    chaos: options.chaos,
    ...options.runtime,
  });
  try {
    const bucket = runtime.names.rawBucket;
    const keys = Array.from(
      { length: options.articles },
      (_, i) => `${runtime.names.rawPrefix}soak/${String(i).padStart(6, '0')}.txt`,
    );
    const body = (i: number, version: number) => articleBody(options.corpus, i, version);
    const overwriteCount = Math.round(options.articles * (options.overwriteShare ?? 0.1));
    const deleteCount = Math.round(options.articles * (options.deleteShare ?? 0.1));
    const concurrency = options.concurrency ?? 16;

    say(`uploading ${keys.length} articles`);
    // Overwrites and deletes start while uploads are still being processed, so they race with them.
    const churnAfter = Math.floor(keys.length / 2);
    const churn: Promise<void>[] = [];
    await forEachConcurrently(keys, concurrency, async (key, i) => {
      await put(runtime.s3Client, bucket, key, body(i, 1));
      if (i === churnAfter) {
        const overwrite = keys.slice(0, overwriteCount);
        const remove = keys.slice(overwriteCount, overwriteCount + deleteCount);
        churn.push(
          forEachConcurrently(overwrite, concurrency, (k, j) => put(runtime.s3Client, bucket, k, body(j, 2))),
        );
        churn.push(forEachConcurrently(remove, concurrency, (k) => del(runtime.s3Client, bucket, k)));
      }
    });
    await Promise.all(churn);
    const uploadS = (Date.now() - started) / 1000;
    say('waiting for the queues to drain');
    const drainStarted = Date.now();
    const ticker = setInterval(() => {
      say(
        `queued: clean ${runtime.cleanQueue.depth}, tag ${runtime.tagQueue.depth}; dead-lettered ${runtime.cleanDlq.depth + runtime.tagDlq.depth}`,
      );
    }, 30_000);
    try {
      await runtime.waitForIdle({ timeoutMs: options.drainTimeoutMs ?? 30 * 60_000, settleMs: 1500 });
    } finally {
      clearInterval(ticker);
    }
    const drainS = (Date.now() - drainStarted) / 1000;
    say('checking the table against the bucket');
    const check = await checkConsistency(runtime);
    const totalS = (Date.now() - started) / 1000;
    return {
      uploaded: keys.length,
      overwritten: overwriteCount,
      deleted: deleteCount,
      ...check,
      dlq: runtime.cleanDlq.depth + runtime.tagDlq.depth,
      faults: { ...runtime.faults },
      timings: {
        uploadS: round(uploadS),
        drainS: round(drainS),
        totalS: round(totalS),
        articlesPerS: round((keys.length + overwriteCount) / totalS),
      },
    };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** True when a report shows nothing lost, duplicated, orphaned or dead-lettered. */
export function soakPassed(report: SoakReport): boolean {
  return (
    report.records === report.expected &&
    report.duplicates === 0 &&
    report.orphans === 0 &&
    report.lost === 0 &&
    report.dlq === 0
  );
}

/**
 * Compares derived state with the raw bucket: every live object has a record of its current version (same
 * ETag) with exactly the lookup items that record implies; nothing else exists.
 */
export async function checkConsistency(
  runtime: Pick<LocalRuntime, 's3Client' | 'dynamodbClient' | 'names'>,
): Promise<Pick<SoakReport, 'expected' | 'records' | 'duplicates' | 'orphans' | 'lost'>> {
  const live = new Map<string, string>(); // article id → current ETag
  for (const o of await listObjects(runtime.s3Client, runtime.names.rawBucket, runtime.names.rawPrefix)) {
    live.set(articleIdFor(runtime.names.rawBucket, o.key), o.eTag);
  }
  const inventory = new AwsPipelineInventory(
    runtime.s3Client,
    documentClient(runtime.dynamodbClient),
    runtime.names,
  );
  let records = 0;
  let duplicates = 0;
  let orphans = 0;
  let lost = 0;
  const stored = await inventory.scanArticles();
  for (const { articleId, record, sortKeys } of stored) {
    if (!live.has(articleId) || !record) {
      orphans += sortKeys.length; // items of a deleted article, or lookup items without their record
      continue;
    }
    records++;
    if (record.sourceETag !== live.get(articleId)) lost++; // a record of an older version
    const wanted = new Set(record.wantedSortKeys);
    const have = new Set(sortKeys);
    for (const sk of have) if (!wanted.has(sk)) duplicates++;
    for (const sk of wanted) if (!have.has(sk)) lost++;
  }
  const storedIds = new Set(stored.map((s) => s.articleId));
  for (const id of live.keys()) if (!storedIds.has(id)) lost++;
  for (const o of await listObjects(runtime.s3Client, runtime.names.processedBucket, '')) {
    const id = articleIdFromProcessedKey(o.key);
    if (id === undefined || !live.has(id)) orphans++;
  }
  return { expected: live.size, records, duplicates, orphans, lost };
}

/** Generated news-like articles for when no corpus is available. */
export function generatedArticle(i: number, version: number): string {
  const people = [
    'Angela Merkel',
    'Kim Jong Un',
    'Tony Blair',
    'Jenny Town',
    'Stephen Biegun',
    'Charles Brown',
  ];
  const places = ['Berlin', 'Seoul', 'London', 'Tokyo', 'Washington', 'Beijing'];
  const orgs = [
    'the United Nations',
    'Reuters',
    'the European Commission',
    'the Foundation for Defense of Democracies',
  ];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    `date 2019-12-${day}`,
    '',
    `${pick(places, i).toUpperCase()} (Reuters) – ${pick(people, i)} met officials of ${pick(orgs, i)} in ${pick(places, i + 1)} on ${pick(days, i)}, version ${version}.`,
    '',
    `The talks, the ${i + 1}th this year, follow a meeting last month with ${pick(people, i + 2)} in ${pick(places, i + 3)}.`,
  ].join('\n');
}

function articleBody(corpus: readonly string[], i: number, version: number): string {
  if (corpus.length === 0) return generatedArticle(i, version);
  // An overwrite changes the content, so a record of the old version is detectably stale.
  return `${corpus[(i + (version - 1) * 7) % corpus.length]}\n\n(version ${version})`;
}

async function put(client: S3Client, bucket: string, key: string, body: string): Promise<void> {
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain' }),
  );
}

async function del(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
