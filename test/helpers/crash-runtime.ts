/**
 * The embedded runtime as a child process for crash tests: started on free ports in the data directory given
 * as the first argument, with small deterministic taggers (crash safety is about delivery, not tagging), and
 * killed from outside. Writes the runtime state file once it accepts uploads.
 */
import { LocalRuntime } from '../../local/runtime';
import { wordTaggers } from './fixtures';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-runtime.ts DATA_DIR');
  const runtime = await LocalRuntime.start({
    s3Port: 0,
    dynamodbPort: 0,
    dataDir,
    taggers: wordTaggers({
      Merkel: 'PERSON',
      Berlin: 'LOCATION',
      Seoul: 'LOCATION',
      Reuters: 'ORGANIZATION',
    }),
    // A long visibility timeout, as on AWS (6× the function timeout): on a busy machine a short one would
    // redeliver messages still being handled, and crashes add receives of their own.
    functionTimeoutMs: 10_000,
    concurrency: 8,
  });
  runtime.writeStateFile();
  process.once('SIGTERM', () => {
    runtime.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
