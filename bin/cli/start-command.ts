import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleStore } from '../../lambdas/adapters/article-store';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { recordKey } from '../../lambdas/adapters/article-table';
import { documentClient } from '../../lambdas/adapters/document-client';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { parseChaos } from '../../local/chaos';
import type { DynamoDbEngine } from '../../local/dynamodb-server';
import { LocalRuntime } from '../../local/runtime';
import { UsageError } from './errors';
import { parsePort } from './options';
import { formatRound } from './reconcile-command';
import { formatRecordHeader, formatRecordRow } from './records-table';
import { escapeControls } from './terminal-text';
import { planUploads, uploadFiles } from './upload';

const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * `newsflow start` (`npm start`): runs the embedded pipeline, ingests the bundled samples, prints their
 * records, then keeps running for live uploads until Ctrl-C (`--once`: exit after the samples).
 */
export async function startCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      once: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      's3-port': { type: 'string' },
      'dynamodb-port': { type: 'string' },
      dynamodb: { type: 'string', default: 'dynalite' },
      'data-dir': { type: 'string' },
      samples: { type: 'string' },
      'no-samples': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      chaos: { type: 'string' },
    },
  });
  if (values.dynamodb !== 'dynalite' && values.dynamodb !== 'dynamodb-local') {
    throw new UsageError('--dynamodb must be dynalite or dynamodb-local');
  }
  const liveRows = { enabled: false };
  const runtime = await LocalRuntime.start({
    s3Port: parsePort(values['s3-port'], 's3-port', 4569),
    dynamodbPort: parsePort(values['dynamodb-port'], 'dynamodb-port', 8569),
    dynamodb: values.dynamodb as DynamoDbEngine,
    dataDir: resolve(values['data-dir'] ?? join(REPO_ROOT, '.local')),
    fresh: values.fresh,
    logLevel: values.verbose ? 'INFO' : 'ERROR',
    ...(values.chaos ? { chaos: parseChaos(values.chaos) } : {}),
    // Watching the store's writes is how live uploads get printed as their records land.
    wrapStores: ({ objects, articles }) => ({ objects, articles: printingStore(articles, liveRows) }),
  });
  const stop = async (): Promise<void> => {
    await runtime.stop();
  };
  try {
    runtime.writeStateFile();
    process.stdout.write(
      `newsflow local runtime: S3 ${runtime.s3.endpoint}  DynamoDB ${runtime.dynamodb.endpoint} (${runtime.dynamodb.engine})\n`,
    );
    const reconciled = runtime.startupReconcile?.rounds[0];
    if (reconciled && reconciled.sent > 0) {
      // Objects stored while nothing listened (or killed mid-upload): said once, so the extra work is explained.
      process.stdout.write(`reconcile on start: ${formatRound(reconciled, false)}\n`);
    }
    if (!values['no-samples']) {
      const samples = resolve(values.samples ?? join(REPO_ROOT, 'samples'));
      const items = planUploads([samples], runtime.names.rawPrefix);
      const failures = await uploadFiles(runtime.s3Client, runtime.names.rawBucket, items, {
        label: 'ingest samples',
      });
      await runtime.waitForIdle();
      const store = new DynamoArticleStore(documentClient(runtime.dynamodbClient), runtime.names.table);
      process.stdout.write(`\n${formatRecordHeader()}\n`);
      for (const item of items) {
        const record = await store.get(articleIdFor(runtime.names.rawBucket, item.key));
        process.stdout.write(
          record ? `${formatRecordRow(record)}\n` : `${escapeControls(item.key)}: no record\n`,
        );
      }
      if (failures.length > 0) {
        for (const f of failures)
          process.stderr.write(`upload failed: ${escapeControls(f.key)}: ${f.error}\n`);
        await stop();
        return 1;
      }
    }
    if (values.once) {
      await stop();
      return 0;
    }
    printInstructions(runtime);
    liveRows.enabled = true;
    await waitForSignal();
    process.stdout.write('\nstopping…\n');
    await stop();
    return 0;
  } catch (error) {
    await stop();
    throw error;
  }
}

function printInstructions(runtime: LocalRuntime): void {
  const s3 = runtime.s3.endpoint;
  const ddb = runtime.dynamodb.endpoint;
  const { rawBucket, rawPrefix, table } = runtime.names;
  process.stdout.write(`
Running. Upload articles and watch their records appear here (Ctrl-C stops):

  export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_DEFAULT_REGION=us-east-1
  aws --endpoint-url ${s3} s3 cp my-article.txt s3://${rawBucket}/${rawPrefix}
  aws --endpoint-url ${s3} s3 rm s3://${rawBucket}/${rawPrefix}my-article.txt
  npm run newsflow -- ingest path/to/articles/
  aws --endpoint-url ${ddb} dynamodb get-item --table-name ${table} \\
      --key '${recordKeyJson('<id>')}'

`);
  process.stdout.write(`${formatRecordHeader()}\n`);
}

function printingStore(inner: ArticleStore, live: { enabled: boolean }): ArticleStore {
  return {
    get: (id) => inner.get(id),
    remove: async (id) => {
      // Read before the delete: the line names the key the user removed, not only an id.
      const key = live.enabled ? (await inner.get(id))?.source.key : undefined;
      const removed = await inner.remove(id);
      if (live.enabled && removed)
        process.stdout.write(
          `deleted ${key === undefined ? 'article' : escapeControls(key)} (article ${id})\n`,
        );
      return removed;
    },
    sync: async (record) => {
      const outcome = await inner.sync(record);
      if (live.enabled && outcome === 'written') process.stdout.write(`${formatRecordRow(record)}\n`);
      return outcome;
    },
  };
}

/** The record item's key as the AWS CLI takes it. */
function recordKeyJson(articleId: string): string {
  const { pk, sk } = recordKey(articleId);
  return JSON.stringify({ pk: { S: pk }, sk: { S: sk } });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
