/**
 * Runs a bundled function as the Lambda runtime does: a fresh plain Node process (`cold-start-child.cjs`) loads the
 * staged asset's `index.js` with the function's `NODE_OPTIONS` and invokes its exported `handler` with SQS events.
 * The asset lies outside the repository and the process gets no `NODE_PATH`, so everything the handler needs,
 * the AWS SDK included, must be in the bundle.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/clients';
import type { BundledFunction } from './bundle';

/** What one process measured: its bootstrap, the bundle's load and each invocation. */
export interface InvocationRun {
  readonly bootMs: number;
  readonly loadMs: number;
  readonly invocations: readonly { readonly ms: number; readonly failures: number }[];
  /** CPU time (user + system) up to the first invocation's response: robust to other processes' load. */
  readonly coldCpuMs: number;
  readonly maxRssKb: number;
}

/** Local endpoints the function's clients use instead of AWS's. */
export interface LocalEndpoints {
  readonly s3: string;
  readonly dynamodb: string;
}

/**
 * What Lambda and the stack put in a function's environment (region, credentials, memory, models, `NODE_OPTIONS`),
 * with the local endpoints and the function's own settings (`PIPELINE_SPEC.env` names).
 */
export function functionEnvironment(
  fn: BundledFunction,
  endpoints: LocalEndpoints,
  settings: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    [PIPELINE_SPEC.env.modelsDir]: join(fn.assetDir, 'models'),
    POWERTOOLS_METRICS_NAMESPACE: 'Newsflow/Bench',
    ...(fn.nodeOptions ? { NODE_OPTIONS: fn.nodeOptions } : {}),
    // An IP endpoint makes the S3 client address buckets by path, as s3rver needs.
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...settings,
  };
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
      code === 0 ? resolve() : reject(new Error(`bundled function process exited ${code}: ${output}`)),
    );
  });
}

/** Invokes the bundled `fn` with each event in turn, in one fresh process; its timings and failures. */
export async function invokeBundled(
  fn: BundledFunction,
  events: readonly SQSEvent[],
  env: NodeJS.ProcessEnv,
): Promise<InvocationRun> {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-invoke-'));
  try {
    const eventsFile = join(dir, 'events.json');
    const resultFile = join(dir, 'result.json');
    writeFileSync(eventsFile, JSON.stringify(events));
    await runChild([join(__dirname, 'cold-start-child.cjs'), fn.assetDir, eventsFile, resultFile], env);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as InvocationRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
