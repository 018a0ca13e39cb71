import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { TableArticleStore } from '../../lambdas/adapters/article-store';
import { isIntentItem, isRecordItem, recordKey } from '../../lambdas/adapters/article-table';
import { documentClient } from '../../lambdas/adapters/document-client';
import { DynamoItemTable, type ItemTable } from '../../lambdas/adapters/item-table';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { LocalRuntime } from '../../local/runtime';
import { checkConsistency, generatedArticle } from '../../local/soak';
import { newsflow } from '../helpers/cli';
import { wordTaggers } from '../helpers/fixtures';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

const taggers = wordTaggers({
  Merkel: 'PERSON',
  Berlin: 'LOCATION',
  Seoul: 'LOCATION',
  Reuters: 'ORGANIZATION',
});

/** The consistency report of a table holding exactly `n` correct records and nothing else. */
function consistent(n: number): Awaited<ReturnType<typeof checkConsistency>> {
  return { expected: n, records: n, duplicates: 0, orphans: 0, lost: 0 };
}

/** The table item by item: these tests damage it below the store's record-level interface. */
function table(p: TestPipeline): ItemTable {
  return new DynamoItemTable(documentClient(p.runtime.dynamodbClient), p.runtime.names.table);
}

/** Runs `change` with its S3 notifications dropped: what a pipeline that was not listening saw. */
async function unnoticed(p: TestPipeline, change: () => Promise<void>): Promise<void> {
  p.runtime.pauseDelivery();
  await change();
  await new Promise((r) => setTimeout(r, 100));
  p.runtime.cleanQueue.drain();
  p.runtime.resumeDelivery();
}

/**
 * A pipeline whose table and processed bucket disagree with the raw bucket in every way reconcile knows:
 * articles never notified (a backfill), an overwrite never notified, a delete never notified, a record lost
 * with its lookup items left behind, and a missing lookup item. Returns the live keys.
 */
async function divergedPipeline(p: TestPipeline): Promise<string[]> {
  await p.upload('raw/stale.txt', generatedArticle(1, 1));
  await p.upload('raw/deleted.txt', generatedArticle(2, 1));
  await p.upload('raw/no-record.txt', generatedArticle(3, 1));
  await p.upload('raw/lookups.txt', generatedArticle(4, 1));
  await p.runtime.waitForIdle();
  await unnoticed(p, async () => {
    await p.upload('raw/backfill/1.txt', generatedArticle(5, 1));
    await p.upload('raw/backfill/2.txt', generatedArticle(6, 1));
    await p.upload('raw/stale.txt', generatedArticle(1, 2));
    await p.remove('raw/deleted.txt');
  });
  const bucket = p.runtime.names.rawBucket;
  const noRecord = articleIdFor(bucket, 'raw/no-record.txt');
  await table(p).deleteItems([recordKey(noRecord)]);
  const lookups = articleIdFor(bucket, 'raw/lookups.txt');
  const lookupItems = (await new TableArticleStore(table(p)).itemsOf(lookups)).filter(
    (i) => !isRecordItem(i) && !isIntentItem(i),
  );
  await table(p).deleteItems(lookupItems.slice(0, 1).map(({ pk, sk }) => ({ pk, sk })));
  return [
    'raw/stale.txt',
    'raw/no-record.txt',
    'raw/lookups.txt',
    'raw/backfill/1.txt',
    'raw/backfill/2.txt',
  ];
}

describe('newsflow reconcile against the running local runtime', () => {
  let p: TestPipeline;

  beforeEach(async () => {
    p = await startTestPipeline('dynalite', { taggers });
    p.runtime.writeStateFile();
  });
  afterEach(() => p?.stop());

  it('re-drives what is missing or stale, removes orphans, and ends in sync (exit 0)', async () => {
    // Prepare
    const live = await divergedPipeline(p);
    const before = await checkConsistency(p.runtime);

    // Act
    const { stdout, status } = await newsflow(['reconcile', '--data-dir', p.runtime.dataDir]);

    // Assess
    expect(before).not.toEqual(consistent(live.length));
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^round 1: 5 raw objects, 4 documents, 3 records; 0 in sync; found 2 missing-document, 1 stale-document, 1 missing-record, 1 lookup-items, 1 orphan-document; re-drove 6$/m,
    );
    expect(stdout).toMatch(/^round 2: 5 raw objects, 5 documents, 5 records; 5 in sync$/m);
    expect(stdout).toContain('converged after 1 re-drive round: in sync, no orphans');
    expect(await checkConsistency(p.runtime)).toEqual(consistent(live.length));
    expect(await p.text('raw/stale.txt')).toContain('version 2');
  });

  it('with --dry-run reports the differences, changes nothing and exits 1', async () => {
    // Prepare
    await divergedPipeline(p);
    const before = await checkConsistency(p.runtime);

    // Act
    const { stdout, status } = await newsflow(['reconcile', '--dry-run', '--data-dir', p.runtime.dataDir]);
    await p.runtime.waitForIdle();

    // Assess
    expect(status).toBe(1);
    expect(stdout).toContain('nothing sent (dry run)');
    expect(stdout).toContain('differences found (dry run)');
    expect(await checkConsistency(p.runtime)).toEqual(before);
  });

  it('compares only keys under --prefix', async () => {
    // Prepare
    await divergedPipeline(p);

    // Act
    const { stdout, status } = await newsflow([
      'reconcile',
      '--prefix',
      'raw/backfill/',
      '--data-dir',
      p.runtime.dataDir,
    ]);

    // Assess
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^round 1: 2 raw objects, 4 documents, 3 records; 0 in sync; found 2 missing-document; re-drove 2$/m,
    );
    expect(await p.record('raw/backfill/1.txt')).toBeDefined();
    expect(await p.record('raw/no-record.txt')).toBeUndefined();
  });

  it('answers a prefix outside the raw prefix with a usage error', async () => {
    // Act
    const { stderr, status } = await newsflow([
      'reconcile',
      '--prefix',
      'elsewhere/',
      '--data-dir',
      p.runtime.dataDir,
    ]);

    // Assess
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('newsflow: --prefix "elsewhere/" is outside the raw prefix "raw/"');
  });
});

describe('reconcile that cannot converge', () => {
  it('reports not-converged when a stage keeps failing an article', async () => {
    // Prepare: the processed bucket refuses one article's document (fault injection).
    const p = await startTestPipeline('dynalite', {
      taggers,
      visibilityTimeoutMs: 100,
      wrapStores: ({ objects, articles }) => ({
        articles,
        objects: {
          get: (l, m) => objects.get(l, m),
          head: (l) => objects.head(l),
          delete: (l, c) => objects.delete(l, c),
          put: async (l, body, o) => {
            if (String(body).includes('version 9')) throw new Error('processed bucket unavailable');
            return objects.put(l, body, o);
          },
        },
      }),
    });
    try {
      await unnoticed(p, () => p.upload('raw/poison.txt', generatedArticle(9, 9)));

      // Act
      const report = await p.runtime.reconcile({ maxRounds: 1 });

      // Assess
      expect(report.outcome).toBe('not-converged');
      expect(report.rounds.map((r) => r.found)).toEqual([
        { 'missing-document': 1 },
        { 'missing-document': 1 },
      ]);
      expect(p.runtime.cleanDlq.depth).toBe(1);
    } finally {
      await p.stop();
    }
  });
});

describe('reconcile on start', () => {
  it('re-drives objects stored while their events were lost, before delivery starts', async () => {
    // Prepare: a runtime whose clean events were lost, stopped; its data directory kept.
    const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-restart-'));
    const options = { s3Port: 0, dynamodbPort: 0, dataDir, taggers };
    try {
      const first = await LocalRuntime.start(options);
      first.pauseDelivery();
      await first.s3Client.send(
        new PutObjectCommand({
          Bucket: first.names.rawBucket,
          Key: 'raw/kept.txt',
          Body: generatedArticle(1, 1),
        }),
      );
      await new Promise((r) => setTimeout(r, 100));
      first.cleanQueue.drain();
      await first.stop();

      // Act
      const second = await LocalRuntime.start(options);
      try {
        await second.waitForIdle();

        // Assess
        expect(second.startupReconcile?.outcome).toBe('redriven');
        expect(second.startupReconcile?.rounds[0]?.found).toEqual({ 'missing-document': 1 });
        expect(await checkConsistency(second)).toEqual(consistent(1));
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
