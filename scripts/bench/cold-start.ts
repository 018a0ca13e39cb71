/**
 * Cold start of the tag function as deployed: a fresh plain Node process (`cold-start-child.cjs`) loads the staged
 * asset's `index.js` with the function's `NODE_OPTIONS`, then its exported `handler` gets an SQS event for one
 * processed document in the embedded runtime's S3 and writes the record to its DynamoDB, so the first invocation
 * builds the SDK clients, loads the models from the asset's `models/` and processes one article end to end. A
 * second event (another article) in the same process gives the warm invocation to compare. The AWS SDK v3 is
 * external to the bundle (the Lambda runtime provides it): here it resolves from the repository's node_modules.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { documentClient } from '../../lambdas/adapters/document-client';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients';
import type { BundledFunction } from './bundle';
import { REPO_ROOT } from './corpora';
import type { BenchRuntime } from './e2e';
import { createdNotification, sqsEvent } from './lambda-events';
import { median } from './stats';

/** Medians over the cold starts. */
export interface ColdStart {
  readonly runs: number;
  /** Process start to the first invocation's response: boot + module load + first invocation. */
  readonly coldStartMs: number;
  /** Node's bootstrap before the harness runs. */
  readonly bootMs: number;
  /** `require` of the bundle (the AWS SDK, Powertools, the pipeline's code). */
  readonly loadMs: number;
  /** The first invocation: clients, model load, one article read, tagged and written. */
  readonly firstInvokeMs: number;
  /** The same work for another article in the warm process. */
  readonly warmInvokeMs: number;
  /** Peak RSS of the process. */
  readonly maxRssMb: number;
}

interface ChildResult {
  readonly bootMs: number;
  readonly loadMs: number;
  readonly invocations: readonly { readonly ms: number; readonly failures: number }[];
  readonly maxRssKb: number;
}

function runChild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // The function's log lines and EMF metrics go to stdout, as in Lambda; kept only to explain a failure.
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer): void => {
      output = (output + d.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`cold start child exited ${code}: ${output}`)),
    );
  });
}

/**
 * `runs` cold starts of `fn` (the tag function) against the runtime, each tagging `articleIds` (processed documents
 * the runtime holds) afresh: their items are deleted first, so every invocation really tags and writes.
 */
export async function measureColdStart(
  bench: BenchRuntime,
  fn: BundledFunction,
  articleIds: readonly string[],
  runs: number,
): Promise<ColdStart> {
  const { runtime } = bench;
  const names = runtime.names;
  const store = new DynamoArticleStore(documentClient(runtime.dynamodbClient), names.table);
  const events = [];
  for (const id of articleIds) {
    const key = processedKeyFor(id);
    const head = await runtime.s3Client.send(
      new HeadObjectCommand({ Bucket: names.processedBucket, Key: key }),
    );
    const body = createdNotification({ bucket: names.processedBucket, key, size: head.ContentLength ?? 0 });
    events.push(sqsEvent([body], PIPELINE_SPEC.localNames.tagQueue));
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-cold-'));
  const eventsFile = join(dir, 'events.json');
  writeFileSync(eventsFile, JSON.stringify(events));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // What Lambda sets, and the function's own environment (resource names, models, NODE_OPTIONS).
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_LAMBDA_FUNCTION_NAME: 'newsflow-tag',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    [PIPELINE_SPEC.env.processedBucket]: names.processedBucket,
    [PIPELINE_SPEC.env.tableName]: names.table,
    [PIPELINE_SPEC.env.modelsDir]: join(fn.assetDir, 'models'),
    POWERTOOLS_METRICS_NAMESPACE: 'Newsflow/Bench',
    ...(fn.nodeOptions ? { NODE_OPTIONS: fn.nodeOptions } : {}),
    // Local endpoints instead of AWS's (an IP endpoint makes the S3 client address buckets by path).
    AWS_ENDPOINT_URL_S3: runtime.s3.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: runtime.dynamodb.endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // The runtime's SDK: Lambda provides @aws-sdk/* outside the bundle.
    NODE_PATH: join(REPO_ROOT, 'node_modules'),
  };
  const results: ChildResult[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      for (const id of articleIds) {
        await store.remove(id);
      }
      const resultFile = join(dir, `result-${r}.json`);
      await runChild([join(__dirname, 'cold-start-child.cjs'), fn.assetDir, eventsFile, resultFile], env);
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
      const failed = result.invocations.reduce((n, i) => n + i.failures, 0);
      if (failed > 0) throw new Error(`the bundled handler failed ${failed} messages (run ${r})`);
      results.push(result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = results.map((r) => r.invocations[0]?.ms ?? Number.NaN);
  return {
    runs,
    coldStartMs: median(results.map((r, i) => r.bootMs + r.loadMs + first[i]!)),
    bootMs: median(results.map((r) => r.bootMs)),
    loadMs: median(results.map((r) => r.loadMs)),
    firstInvokeMs: median(first),
    warmInvokeMs: median(results.map((r) => r.invocations[1]?.ms ?? Number.NaN)),
    maxRssMb: median(results.map((r) => r.maxRssKb / 1024)),
  };
}
