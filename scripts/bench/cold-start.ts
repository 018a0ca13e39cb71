/**
 * Cold start of the tag function as deployed: a fresh plain Node process (`cold-start-child.cjs`) loads the staged
 * asset's `index.js` with the function's `NODE_OPTIONS`, then its exported `handler` gets an SQS event for one
 * processed document in the embedded runtime's S3 and writes the record to its DynamoDB, so the first invocation
 * builds the SDK clients, loads the models from the asset's `models/` and processes one article end to end. A
 * second event (another article) in the same process gives the warm invocation to compare. The AWS SDK v3 is
 * bundled (`bundleAwsSDK`), so its load is part of the measured module load.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { documentClient } from '../../lambdas/adapters/document-client';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import type { BundledFunction } from './bundle';
import { functionEnvironment, type InvocationRun, invokeBundled } from './bundled-invoke';
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
  /** CPU time (user + system) of the cold start: what the wall time would be on an idle core. */
  readonly coldCpuMs: number;
  /** The same work for another article in the warm process. */
  readonly warmInvokeMs: number;
  /** Peak RSS of the process. */
  readonly maxRssMb: number;
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
  const env = functionEnvironment(
    fn,
    { s3: runtime.s3.endpoint, dynamodb: runtime.dynamodb.endpoint },
    {
      AWS_LAMBDA_FUNCTION_NAME: 'newsflow-tag',
      [PIPELINE_SPEC.env.processedBucket]: names.processedBucket,
      [PIPELINE_SPEC.env.tableName]: names.table,
    },
  );
  const results: InvocationRun[] = [];
  for (let r = 0; r < runs; r++) {
    for (const id of articleIds) {
      await store.remove(id);
    }
    const result = await invokeBundled(fn, events, env);
    const failed = result.invocations.reduce((n, i) => n + i.failures, 0);
    if (failed > 0) throw new Error(`the bundled handler failed ${failed} messages (run ${r})`);
    results.push(result);
  }
  const first = results.map((r) => r.invocations[0]?.ms ?? Number.NaN);
  return {
    runs,
    coldStartMs: median(results.map((r, i) => r.bootMs + r.loadMs + first[i]!)),
    bootMs: median(results.map((r) => r.bootMs)),
    loadMs: median(results.map((r) => r.loadMs)),
    firstInvokeMs: median(first),
    coldCpuMs: median(results.map((r) => r.coldCpuMs)),
    warmInvokeMs: median(results.map((r) => r.invocations[1]?.ms ?? Number.NaN)),
    maxRssMb: median(results.map((r) => r.maxRssKb / 1024)),
  };
}
