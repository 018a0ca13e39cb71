import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createDateTagger } from '../../lambdas/core/dates';
import { LocalRuntime, RUNTIME_STATE_FILE, type RuntimeState } from '../../local/runtime';

describe('the runtime state file', () => {
  let dataDir: string;
  let runtime: LocalRuntime | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsflow-state-'));
    runtime = await LocalRuntime.start({
      s3Port: 0,
      dynamodbPort: 0,
      dataDir,
      fresh: true,
      taggers: { entities: { version: 'stub', tag: () => [] }, dates: createDateTagger() },
    });
  }, 60_000);

  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is never read half-written while it is rewritten', async () => {
    // Prepare: a reader on another thread parses the file as fast as it can, as a polling command would.
    const file = runtime?.writeStateFile() ?? '';
    const reader = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { readFileSync } = require('node:fs');
       let reads = 0, torn = 0, stop = false;
       parentPort.on('message', () => { stop = true; });
       const loop = () => {
         for (let i = 0; i < 200; i++) {
           reads++;
           try { JSON.parse(readFileSync(workerData, 'utf8')); } catch { torn++; }
         }
         if (stop) parentPort.postMessage({ reads, torn }); else setImmediate(loop);
       };
       loop();`,
      { eval: true, workerData: file },
    );
    // Act: rewrite it many times while the reader runs.
    for (let i = 0; i < 2_000; i++) runtime?.writeStateFile();
    const result = new Promise<{ reads: number; torn: number }>((resolve) => reader.once('message', resolve));
    reader.postMessage('stop');
    const { reads, torn } = await result;
    await reader.terminate();
    // Assess
    expect(reads).toBeGreaterThan(0);
    expect(torn).toBe(0);
  });

  it('is written whole under its own name, leaving no partial file beside it', () => {
    // Act: written twice, as a restart on the same data directory would.
    runtime?.writeStateFile();
    const file = runtime?.writeStateFile() ?? '';
    // Assess
    const state = JSON.parse(readFileSync(file, 'utf8')) as RuntimeState;
    expect(state.pid).toBe(process.pid);
    expect(readdirSync(dataDir).filter((name) => name.startsWith(RUNTIME_STATE_FILE))).toEqual([
      RUNTIME_STATE_FILE,
    ]);
  });
});
