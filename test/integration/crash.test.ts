import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { documentClient } from '../../lambdas/adapters/document-client';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { localDynamoDbClient, localS3Client } from '../../local/clients';
import type { QueueStatus } from '../../local/control-server';
import { RUNTIME_STATE_FILE, type RuntimeState } from '../../local/runtime';
import { checkConsistency, generatedArticle } from '../../local/soak';
import { ROOT } from '../helpers/cli';

/** Uploads per round: the figure. */
const UPLOADS = 200;

/** A runtime child process and what it wrote about itself. */
interface Child {
  readonly process: ChildProcess;
  readonly state: RuntimeState;
}

/** Starts the runtime in its own process group (so a kill takes everything it runs) and waits until it serves. */
async function startChild(dataDir: string): Promise<Child> {
  rmSync(join(dataDir, RUNTIME_STATE_FILE), { force: true });
  const child = spawn(
    process.execPath,
    [
      '--openssl-legacy-provider',
      '--import',
      'tsx',
      join(ROOT, 'test', 'helpers', 'crash-runtime.ts'),
      dataDir,
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const file = join(dataDir, RUNTIME_STATE_FILE);
  const deadline = Date.now() + 30_000;
  while (!existsSync(file)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`runtime did not start (exit ${child.exitCode}): ${stderr}`);
    }
    await sleep(50);
  }
  return { process: child, state: JSON.parse(readFileSync(file, 'utf8')) as RuntimeState };
}

/** SIGKILL to the whole process group, then waits for the exit. */
async function killGroup(child: Child): Promise<void> {
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  process.kill(-(child.process.pid as number), 'SIGKILL');
  await exited;
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  await exited;
}

/**
 * Waits until both stages' queues stay empty (nothing waiting or in flight) over a few polls. The runtime
 * serves its control API only after its reconcile on start has queued its re-drives.
 */
async function settle(state: RuntimeState): Promise<Record<string, QueueStatus>> {
  const deadline = Date.now() + 60_000;
  let quiet = 0;
  for (;;) {
    const { queues } = (await (await fetch(`${state.controlEndpoint}/status`)).json()) as {
      queues: Record<string, QueueStatus>;
    };
    quiet = queues.clean?.depth === 0 && queues.tag?.depth === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return queues;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(queues)}`);
    await sleep(200);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('crash safety of the embedded runtime (SIGKILL of its whole process group)', () => {
  let dataDir: string;
  let child: Child | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsflow-crash-'));
  });
  afterEach(async () => {
    if (child) await stopChild(child);
    child = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  // [moment, acknowledgements before the kill, then ms until the kill, ms into the recovery of a second kill]
  it.each([
    ['right after the 200th acknowledgement, and again 400 ms into the recovery', UPLOADS, 0, 400],
    ['during the uploads, after 120 acknowledgements', 120, 0, undefined],
  ])(
    'loses no acknowledged upload when killed %s',
    async (moment, killAfterAcks, delayMs, secondKillMs) => {
      // Prepare
      child = await startChild(dataDir);
      const { names } = child.state;
      const s3 = localS3Client(child.state.s3Endpoint, { maxAttempts: 1 });
      const acknowledged: string[] = [];
      let killed: Promise<void> | undefined;
      const first = child;

      // Act: concurrent uploads, and the kill at the chosen moment, whatever is in flight then.
      await Promise.allSettled(
        Array.from({ length: UPLOADS }, async (_, i) => {
          const key = `${names.rawPrefix}crash/${String(i).padStart(3, '0')}.txt`;
          await s3.send(
            new PutObjectCommand({ Bucket: names.rawBucket, Key: key, Body: generatedArticle(i, 1) }),
          );
          if (killed) return; // answered after the kill was decided: not counted, though it may have landed
          acknowledged.push(key);
          if (acknowledged.length === killAfterAcks) killed = sleep(delayMs).then(() => killGroup(first));
        }),
      );
      await killed;
      s3.destroy();
      child = await startChild(dataDir);
      if (secondKillMs !== undefined) {
        await sleep(secondKillMs);
        await killGroup(child);
        child = await startChild(dataDir);
      }
      const queues = await settle(child.state);

      // Assess
      const s3After = localS3Client(child.state.s3Endpoint);
      const dynamodb = localDynamoDbClient(child.state.dynamodbEndpoint);
      try {
        const report = await checkConsistency({ s3Client: s3After, dynamodbClient: dynamodb, names });
        const store = new DynamoArticleStore(documentClient(dynamodb), names.table);
        const unrecorded: string[] = [];
        for (const key of acknowledged) {
          if ((await store.get(articleIdFor(names.rawBucket, key))) === undefined) unrecorded.push(key);
        }
        process.stdout.write(
          `crash ${moment}: acknowledged ${acknowledged.length}, ${JSON.stringify(report)}\n`,
        );
        expect(acknowledged).toHaveLength(killAfterAcks);
        expect(unrecorded).toEqual([]);
        expect(report).toMatchObject({ duplicates: 0, orphans: 0, lost: 0, records: report.expected });
        expect([queues.cleanDlq?.depth, queues.tagDlq?.depth]).toEqual([0, 0]);
      } finally {
        s3After.destroy();
        dynamodb.destroy();
      }
    },
    60_000,
  );
});
