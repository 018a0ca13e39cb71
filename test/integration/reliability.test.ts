import { GetObjectCommand } from '@aws-sdk/client-s3';
import { type ArticleStore, DynamoArticleStore } from '../../lambdas/adapters/article-store';
import { entityPk } from '../../lambdas/adapters/article-table';
import { documentClient } from '../../lambdas/adapters/document-client';
import { AdapterError } from '../../lambdas/adapters/errors';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import type { QueuedMessage } from '../../local/local-queue';
import { checkConsistency, generatedArticle } from '../../local/soak';
import { wordTaggers } from '../helpers/fixtures';
import { startTestPipeline as startPipeline, type TestPipeline } from '../helpers/runtime';

/** Reliability is about delivery, not tagging quality: small deterministic taggers keep these tests fast. */
const taggers = wordTaggers({
  Merkel: 'PERSON',
  Berlin: 'LOCATION',
  Seoul: 'LOCATION',
  Reuters: 'ORGANIZATION',
});
const startTestPipeline: typeof startPipeline = (engine, options = {}) =>
  startPipeline(engine, { taggers, ...options });

/** The sequencer a queued S3 notification carries. */
function sequencerOf(m: QueuedMessage): string {
  return (JSON.parse(m.body) as { Records: { s3: { object: { sequencer: string } } }[] }).Records[0]!.s3
    .object.sequencer;
}

/** The consistency report of a table holding exactly `n` correct records and nothing else. */
function consistent(n: number): Awaited<ReturnType<typeof checkConsistency>> {
  return { expected: n, records: n, duplicates: 0, orphans: 0, lost: 0 };
}

/** Counts record commits per article: observation of the store, so double work is visible. */
function countingCommits(): { counts: Map<string, number>; wrap: (a: ArticleStore) => ArticleStore } {
  const counts = new Map<string, number>();
  return {
    counts,
    wrap: (inner) => ({
      ...bind(inner),
      sync: async (record) => {
        const outcome = await inner.sync(record);
        if (outcome === 'written') counts.set(record.id, (counts.get(record.id) ?? 0) + 1);
        return outcome;
      },
    }),
  };
}

describe('duplicate deliveries', () => {
  let p: TestPipeline;
  const commits = countingCommits();

  beforeAll(async () => {
    p = await startTestPipeline('dynalite', {
      chaos: { duplicate: 1, reorder: 0, fail: 0, seed: 11 },
      wrapStores: ({ objects, articles }) => ({ objects, articles: commits.wrap(articles) }),
    });
  });
  afterAll(() => p?.stop());

  it('does no visible double work when every notification arrives twice', async () => {
    // Act
    for (let i = 0; i < 5; i++) await p.upload(`raw/dup-${i}.txt`, generatedArticle(i, 1));
    await p.runtime.waitForIdle();

    // Assess
    expect(p.runtime.faults.duplicated).toBeGreaterThanOrEqual(5);
    expect([...commits.counts.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(await checkConsistency(p.runtime)).toEqual(consistent(5));
  });
});

describe('a duplicate clean event whose tag notification was lost', () => {
  let p: TestPipeline;

  beforeAll(async () => {
    p = await startTestPipeline('dynalite');
  });
  afterAll(() => p?.stop());

  it('makes the tag stage write the missing record again', async () => {
    // Prepare: an article fully processed, then its items gone, as when a crash lost the tag notification
    // after the processed document was written.
    p.runtime.pauseDelivery();
    await p.upload('raw/lost-tag.txt', generatedArticle(7, 1));
    await settle();
    const [cleanEvent] = p.runtime.cleanQueue.snapshot();
    p.runtime.resumeDelivery();
    await p.runtime.waitForIdle();
    const id = articleIdFor(p.runtime.names.rawBucket, 'raw/lost-tag.txt');
    const store = new DynamoArticleStore(documentClient(p.runtime.dynamodbClient), p.runtime.names.table);
    await store.remove(id);

    // Act: the clean event is delivered again.
    p.runtime.cleanQueue.send(cleanEvent!.body);
    await p.runtime.waitForIdle();

    // Assess
    expect(await p.text('raw/lost-tag.txt')).toContain('version 1');
    expect(await checkConsistency(p.runtime)).toEqual(consistent(1));
  });
});

describe('ordering by sequencer', () => {
  let p: TestPipeline;

  beforeEach(async () => {
    p = await startTestPipeline('dynalite');
    p.runtime.pauseDelivery();
  });
  afterEach(() => p?.stop());

  it('never lets a stale create overwrite a newer version', async () => {
    // Prepare: two versions, their notifications delivered newest first.
    await p.upload('raw/v.txt', generatedArticle(1, 1));
    await p.upload('raw/v.txt', generatedArticle(1, 2));
    await settle();
    const newest = p.runtime.cleanQueue.snapshot().map(sequencerOf).sort().at(-1);
    p.runtime.cleanQueue.permute((ms) => [...ms].reverse());

    // Act
    p.runtime.resumeDelivery();
    await p.runtime.waitForIdle();

    // Assess
    const record = await p.record('raw/v.txt');
    expect(await p.text('raw/v.txt')).toContain('version 2');
    expect(record?.source.sequencer).toBe(newest);
  });

  it('never lets a stale delete remove a newer object', async () => {
    // Prepare
    p.runtime.resumeDelivery();
    await p.upload('raw/d.txt', generatedArticle(2, 1));
    await p.runtime.waitForIdle();
    p.runtime.pauseDelivery();
    await p.remove('raw/d.txt');
    await p.upload('raw/d.txt', generatedArticle(2, 2));
    await settle();
    p.runtime.cleanQueue.permute((ms) => [...ms].reverse()); // re-upload first, then the delete

    // Act
    p.runtime.resumeDelivery();
    await p.runtime.waitForIdle();

    // Assess
    expect(await p.text('raw/d.txt')).toContain('version 2');
    expect(await checkConsistency(p.runtime)).toEqual(consistent(1));
  });

  it.each([[[0, 1, 2]], [[0, 2, 1]], [[1, 0, 2]], [[1, 2, 0]], [[2, 0, 1]], [[2, 1, 0]]])(
    'ends upload → delete → re-upload with a record whatever the delivery order %j',
    async (order) => {
      // Prepare
      await p.upload('raw/r.txt', generatedArticle(3, 1));
      await p.remove('raw/r.txt');
      await p.upload('raw/r.txt', generatedArticle(3, 2));
      await settle();
      p.runtime.cleanQueue.permute((ms) => order.map((i) => ms[i]!));

      // Act
      p.runtime.resumeDelivery();
      await p.runtime.waitForIdle();

      // Assess
      expect(await p.text('raw/r.txt')).toContain('version 2');
      expect(await checkConsistency(p.runtime)).toEqual(consistent(1));
    },
  );

  it.each([[[0, 1]], [[1, 0]]])(
    'ends upload → delete with no record whatever the order %j',
    async (order) => {
      // Prepare
      await p.upload('raw/gone.txt', generatedArticle(4, 1));
      await p.remove('raw/gone.txt');
      await settle();
      p.runtime.cleanQueue.permute((ms) => order.map((i) => ms[i]!));

      // Act
      p.runtime.resumeDelivery();
      await p.runtime.waitForIdle();

      // Assess
      expect(await p.record('raw/gone.txt')).toBeUndefined();
      expect(await checkConsistency(p.runtime)).toEqual(consistent(0));
    },
  );
});

describe('transient S3 and DynamoDB errors', () => {
  let p: TestPipeline;

  beforeAll(async () => {
    // The rate `npm start -- --chaos` and the soak use; higher rates exhaust the SDK's retry quota by design.
    p = await startTestPipeline('dynalite', { chaos: { duplicate: 0, reorder: 0, fail: 0.05, seed: 5 } });
  });
  afterAll(() => p?.stop());

  it('retries them with backoff and ends consistent, with nothing dead-lettered', async () => {
    // Act: enough articles that a 5% fault rate injects more than ten failures whatever the interleaving of
    // calls (16 articles once gave only 9).
    for (let i = 0; i < 24; i++) await p.upload(`raw/flaky-${i}.txt`, generatedArticle(i, 1));
    await p.upload('raw/flaky-0.txt', generatedArticle(0, 2));
    await p.remove('raw/flaky-1.txt');
    await p.runtime.waitForIdle({ timeoutMs: 60_000 });

    // Assess
    expect(p.runtime.faults.failedCalls).toBeGreaterThan(10);
    expect(await checkConsistency(p.runtime)).toEqual(consistent(23));
    expect(p.runtime.cleanDlq.depth + p.runtime.tagDlq.depth).toBe(0);
    expect(await p.text('raw/flaky-0.txt')).toContain('version 2');
  });
});

describe('dead-letter queue and redrive', () => {
  it('dead-letters a message that keeps failing and redrives it once the cause is fixed', async () => {
    // Prepare: the table rejects writes of one article until "fixed" (fault injection).
    let broken = true;
    const p = await startTestPipeline('dynalite', {
      wrapStores: ({ objects, articles }) => ({
        objects,
        articles: {
          ...bind(articles),
          sync: async (record) => {
            if (broken && record.source.key.includes('poison')) {
              throw new AdapterError('table unavailable for this article');
            }
            return articles.sync(record);
          },
        },
      }),
    });
    try {
      await p.upload('raw/poison.txt', generatedArticle(9, 1));
      await p.upload('raw/fine.txt', generatedArticle(8, 1));
      await waitFor(() => p.runtime.tagDlq.depth === 1);
      await p.runtime.waitForIdle();
      expect(await p.record('raw/poison.txt')).toBeUndefined();
      expect(await p.record('raw/fine.txt')).toBeDefined();

      // Act
      broken = false;
      const moved = p.runtime.redrive('tag');
      await p.runtime.waitForIdle();

      // Assess
      expect(moved).toBe(1);
      expect(p.runtime.tagDlq.depth).toBe(0);
      expect((await p.record('raw/poison.txt'))?.status).toBe('processed');
    } finally {
      await p.stop();
    }
  });
});

describe('reprocess', () => {
  it('re-tags stored documents idempotently: a second pass does no work', async () => {
    // Prepare
    const commits = countingCommits();
    const p = await startTestPipeline('dynalite', {
      wrapStores: ({ objects, articles }) => ({ objects, articles: commits.wrap(articles) }),
    });
    try {
      await p.upload('raw/re.txt', generatedArticle(5, 1));
      await p.runtime.waitForIdle();
      const keys = await p.processedKeys();

      // Act
      const queued = p.runtime.reprocess(keys);
      await p.runtime.waitForIdle();

      // Assess: same document, same tagger → nothing rewritten.
      expect(queued).toBe(1);
      expect([...commits.counts.values()]).toEqual([1]);
      const out = await p.runtime.s3Client.send(
        new GetObjectCommand({ Bucket: p.runtime.names.processedBucket, Key: keys[0] }),
      );
      expect(out.Metadata?.['newsflow-sequencer']).toBeDefined();
    } finally {
      await p.stop();
    }
  });
  it('rewrites a record, with its lookups, once the tagger changes; then again does no work', async () => {
    // Prepare: a tagger whose version and vocabulary change between the first ingest and the reprocess.
    const vocabulary: Record<string, 'PERSON' | 'LOCATION'> = { Merkel: 'PERSON' };
    let version = 'words-1';
    const inner = wordTaggers(vocabulary);
    const changing = {
      entities: {
        get version() {
          return version;
        },
        tag: (text: string) => inner.entities.tag(text),
      },
      dates: inner.dates,
    };
    const commits = countingCommits();
    const p = await startTestPipeline('dynalite', {
      taggers: changing,
      wrapStores: ({ objects, articles }) => ({ objects, articles: commits.wrap(articles) }),
    });
    try {
      await p.upload('raw/re.txt', 'BERLIN (Reuters) - Angela Merkel spoke in Berlin on Friday.');
      await p.runtime.waitForIdle();
      const keys = await p.processedKeys();
      const before = await p.record('raw/re.txt');
      const keysBefore = await p.itemKeys('raw/re.txt');

      // Act: the tagger improves (a new version that also knows Berlin), then reprocess twice.
      version = 'words-2';
      vocabulary.Berlin = 'LOCATION';
      p.runtime.reprocess(keys);
      await p.runtime.waitForIdle();
      const after = await p.record('raw/re.txt');
      p.runtime.reprocess(keys);
      await p.runtime.waitForIdle();

      // Assess
      expect(before?.taggerVersion).toContain('words-1');
      expect(before?.entities.map((e) => e.text)).toEqual(['Merkel']);
      expect(after?.taggerVersion).toContain('words-2');
      expect(after?.entities.map((e) => e.text)).toEqual(['Merkel', 'Berlin']);
      expect(keysBefore).not.toContain(entityPk('Berlin'));
      expect(await p.itemKeys('raw/re.txt')).toEqual([...keysBefore, entityPk('Berlin')].sort());
      expect([...commits.counts.values()]).toEqual([2]);
    } finally {
      await p.stop();
    }
  });
});

function bind(store: ArticleStore): ArticleStore {
  return {
    get: (id) => store.get(id),
    sync: (record) => store.sync(record),
    remove: (id) => store.remove(id),
  };
}

/** Lets s3rver's asynchronous event emission reach the queues. */
function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 100));
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
