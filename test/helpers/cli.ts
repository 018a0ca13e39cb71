import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNTIME_STATE_FILE, type RuntimeState } from '../../local/runtime';

/** The repository root (where `npm run newsflow` runs). */
export const ROOT = join(__dirname, '..', '..');

/** What a CLI run printed and how it ended. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link newsflow}. */
export interface CliOptions {
  /** Written to the CLI's stdin, then closed. */
  readonly input?: string;
  /** Added to the environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** @default 120_000 */
  readonly timeoutMs?: number;
}

/**
 * Runs `newsflow …` as `npm run newsflow` does, without blocking the test's event loop: tests often run the
 * local S3/DynamoDB APIs in their own process, and those must keep answering the CLI.
 */
export function newsflow(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--openssl-legacy-provider', '--import', 'tsx', join(ROOT, 'bin', 'newsflow.ts'), ...args],
      { cwd: ROOT, timeout: options.timeoutMs ?? 120_000, env: { ...process.env, ...options.env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** An environment with placeholder AWS credentials and no shared config, for commands against local APIs. */
export const LOCAL_AWS_ENV: NodeJS.ProcessEnv = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

/**
 * A data directory whose runtime state file points the CLI at a local DynamoDB table only (no S3 API, no
 * control API): for commands that read the table, without starting a whole runtime.
 */
export function tableOnlyDataDir(
  table: { readonly endpoint: string; readonly tableName: string },
  prefix: string,
): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const state: RuntimeState = {
    s3Endpoint: 'http://127.0.0.1:9',
    dynamodbEndpoint: table.endpoint,
    controlEndpoint: 'http://127.0.0.1:9',
    names: {
      rawBucket: 'newsflow-raw',
      rawPrefix: 'raw/',
      processedBucket: 'newsflow-processed',
      table: table.tableName,
    },
    pid: process.pid,
  };
  writeFileSync(join(dir, RUNTIME_STATE_FILE), JSON.stringify(state));
  return dir;
}
