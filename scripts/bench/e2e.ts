/**
 * Upload to record through the embedded runtime (`LocalRuntime`: s3rver, dynalite, SQS-semantics queues, the
 * real handlers) on free ports and a temporary data directory. A record counts as done when its conditional
 * write (the commit point) has succeeded, observed through the runtime's `wrapStores` hook; its latency runs
 * from the upload's S3 event time (what the tag stage's ProcessingLatency metric measures) to that moment.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { contentTypeFor } from '../../bin/cli/files';
import { planUploads, uploadFiles } from '../../bin/cli/upload';
import type { TableItem } from '../../lambdas/adapters/article-table';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { LocalRuntime } from '../../local/runtime';
import { type CallsPerArticle, perArticle } from './stage-run';
import { percentile } from './stats';
import { type CallLog, committingArticleStore, countingObjectStore, newCallLog } from './stores';

/** One file to upload: its name (extension gives the content type) and bytes. */
export interface UploadDoc {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Latencies of a set of articles, upload to record. */
export interface Latencies {
  readonly articles: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** End-to-end results. */
export interface E2eResults {
  /** All articles uploaded at once (8 concurrent uploads): throughput, and latency under that backlog. */
  readonly burst: Latencies & { readonly articlesPerS: number; readonly seconds: number };
  /** One article in flight at a time: latency of an idle pipeline. */
  readonly single: Latencies & { readonly articleIds: readonly string[] };
  /** Requests per article the handlers made in the burst, counted at their stores. */
  readonly calls: CallsPerArticle;
}

/** The runtime with its commit observer, handed to measurements that need a running pipeline. */
export interface BenchRuntime {
  readonly runtime: LocalRuntime;
  /** Resolves when the article's record is written: the record item and the time (ms) of its commit. */
  committed(articleId: string): Promise<Commit>;
}

/** A committed record item and when its write succeeded (epoch ms). */
export interface Commit {
  readonly record: TableItem;
  readonly at: number;
}

/** Starts a fresh runtime in a temporary directory, runs `fn`, and always stops and removes it. */
export async function withRuntime<T>(fn: (bench: BenchRuntime, log: CallLog) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-bench-'));
  const log = newCallLog();
  const waiting = new Map<string, (commit: Commit) => void>();
  const done = new Map<string, Commit>();
  const onCommit = (record: TableItem): void => {
    const id = String(record.articleId);
    const commit = { record, at: Date.now() };
    const waiter = waiting.get(id);
    if (waiter) waiter(commit);
    else done.set(id, commit);
  };
  let runtime: LocalRuntime | undefined;
  try {
    runtime = await LocalRuntime.start({
      s3Port: 0,
      dynamodbPort: 0,
      dataDir,
      fresh: true,
      logLevel: 'SILENT',
      wrapStores: (s) => ({
        objects: countingObjectStore(s.objects, log),
        articles: committingArticleStore(s.articles, log, onCommit),
      }),
    });
    const committed = (articleId: string): Promise<Commit> => {
      const already = done.get(articleId);
      done.delete(articleId);
      if (already) return Promise.resolve(already);
      return new Promise((resolve) =>
        waiting.set(articleId, (commit) => {
          waiting.delete(articleId);
          resolve(commit);
        }),
      );
    };
    return await fn({ runtime, committed }, log);
  } finally {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Latency of one committed record: commit time minus its upload's S3 event time. */
function latencyOf(commit: Commit): number {
  const source = commit.record.source as { eventTime?: string } | undefined;
  return commit.at - Date.parse(source?.eventTime ?? '');
}

function latencies(values: readonly number[]): Latencies {
  return {
    articles: values.length,
    p50Ms: percentile(values, 0.5),
    p95Ms: percentile(values, 0.95),
    maxMs: Math.max(...values),
  };
}

/**
 * Uploads `count` articles (the docs cycled, each under its own key) at once through `uploadFiles`, as
 * `newsflow ingest` does, and waits for every record; then `single` more, one at a time.
 */
export async function measureE2e(
  bench: BenchRuntime,
  log: CallLog,
  docs: readonly UploadDoc[],
  count: number,
  single: number,
): Promise<E2eResults> {
  const { runtime } = bench;
  const bucket = runtime.names.rawBucket;
  const dir = join(runtime.dataDir, 'bench-upload');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = docs[i % docs.length]!;
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${doc.name}`), doc.bytes);
  }
  const uploads = planUploads([dir], `${runtime.names.rawPrefix}burst/`);
  const burstLatency: number[] = [];
  const started = Date.now();
  let last = started;
  const waits = uploads.map((u) =>
    bench.committed(articleIdFor(bucket, u.key)).then((commit) => {
      last = Math.max(last, commit.at);
      burstLatency.push(latencyOf(commit));
    }),
  );
  const failures = await uploadFiles(runtime.s3Client, bucket, uploads, { label: 'bench: upload' });
  if (failures.length > 0) throw new Error(`uploads failed: ${failures.map((f) => f.error).join('; ')}`);
  await Promise.all(waits);
  const seconds = (last - started) / 1000;
  // The tag stage checks its source once more after the commit: count the calls once all is quiet.
  await runtime.waitForIdle();
  const calls = perArticle(log, uploads.length);

  const singleLatency: number[] = [];
  const singleIds: string[] = [];
  for (let i = 0; i < single; i++) {
    const doc = docs[i % docs.length]!;
    const key = `${runtime.names.rawPrefix}single/${i}-${doc.name}`;
    const id = articleIdFor(bucket, key);
    singleIds.push(id);
    const record = bench.committed(id);
    await runtime.s3Client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: doc.bytes,
        ContentType: contentTypeFor(doc.name),
      }),
    );
    singleLatency.push(latencyOf(await record));
  }
  await runtime.waitForIdle();
  return {
    burst: { ...latencies(burstLatency), articlesPerS: uploads.length / seconds, seconds },
    single: { ...latencies(singleLatency), articleIds: singleIds },
    calls,
  };
}
