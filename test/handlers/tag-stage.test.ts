import { type ArticleStore, TableArticleStore } from '../../lambdas/adapters/article-store';
import {
  entityPk,
  isIntentItem,
  isRecordItem,
  lookupKeysOf,
  mentionPk,
  RECORD_SK,
  recordFromItem,
  type TableItem,
} from '../../lambdas/adapters/article-table';
import type { ItemTable } from '../../lambdas/adapters/item-table';
import type { ObjectStore } from '../../lambdas/adapters/object-store';
import { METRIC_NAMES } from '../../lambdas/core/pipeline-metrics';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import type { ProcessedDocument } from '../../lambdas/core/record/types';
import type { Taggers } from '../../lambdas/core/tagging/tag-text';
import { ConvergenceError, InvalidEventError, TimeBudgetExceededError } from '../../lambdas/handlers/errors';
import { createObservability } from '../../lambdas/handlers/observability';
import type { S3Change } from '../../lambdas/handlers/s3-notification';
import { handleProcessedChange } from '../../lambdas/handlers/tag-stage';
import type { TagResult, TagStageDeps } from '../../lambdas/handlers/tag-stage-deps';
import type { TimeBudget } from '../../lambdas/handlers/time-budget';
import { cleanedArticle, processedDocument, sourceRef, wordTaggers } from '../helpers/fixtures';
import { itemLabels } from '../helpers/item-labels';
import { MemoryArticleStore, MemoryObjectStore } from '../helpers/memory-stores';

// Every outcome of the tag stage, through `handleProcessedChange` over the real article store on an in-memory
// table: the result, the record and lookup items left behind, and the metrics emitted.

const BUCKET = 'processed-bucket';
const TAGGERS_V1 = wordTaggers({ Merkel: 'PERSON' });
const TAGGERS_V2 = retagged(wordTaggers({ Merkel: 'PERSON', Berlin: 'LOCATION' }), 'words-2');

/** `taggers` under another entity tagger version, as after a tagger improvement. */
function retagged(taggers: Taggers, version: string): Taggers {
  return { ...taggers, entities: { ...taggers.entities, version } };
}
const TEXT = 'Merkel met reporters in Berlin on Friday.';
const OLD = '0055AED6DCD9028100';
const NEW = '0055AED6DCD9028200';

/** A processed document of the test article, cleaned from the raw version with `sequencer`. */
function doc(sequencer: string, text = TEXT): ProcessedDocument {
  return processedDocument(
    cleanedArticle(text, { contentHash: `hash-of-${text}` }),
    sourceRef({ sequencer }),
  );
}

/** A processed document recording a rejected raw object. */
function rejectedDoc(sequencer: string): ProcessedDocument {
  const { article: _, ...rest } = doc(sequencer);
  return { ...rest, status: 'rejected', rejection: { code: 'EMPTY', message: 'The object is empty' } };
}

const ID = doc(OLD).articleId;
const KEY = processedKeyFor(ID);

/** The test world: a processed bucket, the article store and the stage's dependencies. */
class World {
  public readonly objects = new MemoryObjectStore();
  public readonly articles = new MemoryArticleStore();
  public readonly observability = createObservability('tag', { logLevel: 'SILENT' });

  public put(document: ProcessedDocument): void {
    this.objects.upload(
      { bucket: BUCKET, key: KEY },
      Buffer.from(JSON.stringify(document)),
      'application/json',
    );
  }

  public remove(): Promise<void> {
    return this.objects.delete({ bucket: BUCKET, key: KEY });
  }

  public deps(overrides: Partial<TagStageDeps> = {}, taggers: Taggers = TAGGERS_V1): TagStageDeps {
    return {
      objects: this.objects,
      articles: this.articles,
      taggers,
      config: { processedBucket: BUCKET, tableName: 'articles' },
      logger: this.observability.logger,
      metrics: this.observability.metrics,
      now: () => new Date('2019-12-21T09:00:00.000Z'),
      ...overrides,
    };
  }

  /** Runs the stage on one change of the test document. */
  public async handle(
    kind: S3Change['kind'],
    overrides: Partial<TagStageDeps> = {},
    taggers?: Taggers,
    budget?: TimeBudget,
  ) {
    const change: S3Change = {
      kind,
      eventName: 'ObjectCreated:Put',
      eventTime: '',
      bucket: BUCKET,
      key: KEY,
      sequencer: '01',
    };
    return handleProcessedChange(change, this.deps(overrides, taggers), budget);
  }

  /** Names of the metrics emitted since the last call, once per value added. */
  public metricNames(): string[] {
    const emf = this.observability.metrics.serializeMetrics() as unknown as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
    };
    this.observability.metrics.clearMetrics();
    const names = emf._aws.CloudWatchMetrics.flatMap((m) => m.Metrics.map((d) => d.Name));
    return names
      .flatMap((name) => {
        const value = emf[name];
        return Array.isArray(value) ? value.map(() => name) : [name];
      })
      .sort();
  }

  /** Labels of every item the article has in the table (see `itemLabels`). */
  public itemKeys(): string[] {
    return itemLabels(this.articles.items.itemsOf(ID));
  }
}

/** The table state after tagging `document` once with the v1 taggers. */
async function tagged(document: ProcessedDocument): Promise<World> {
  const world = new World();
  world.put(document);
  await world.handle('created');
  world.metricNames();
  return world;
}

interface Case {
  readonly name: string;
  readonly prepare: () => Promise<World>;
  readonly act: (world: World) => Promise<TagResult>;
  readonly result: TagResult;
  /** The stored record's text (undefined: no record). */
  readonly text: string | undefined;
  readonly lookups: readonly string[];
  readonly metrics: readonly string[];
}

const WRITTEN = [
  METRIC_NAMES.articlesTagged,
  METRIC_NAMES.datesPerArticle,
  METRIC_NAMES.entitiesPerArticle,
  METRIC_NAMES.processingLatency,
  METRIC_NAMES.taggingLatency,
].sort();
const MERKEL = [entityPk('Merkel'), mentionPk('2019'), mentionPk('2019-12')];

describe('handleProcessedChange', () => {
  const cases: Case[] = [
    {
      name: 'a first document is written with its lookup items',
      prepare: async () => {
        const world = new World();
        world.put(doc(OLD));
        return world;
      },
      act: (w) => w.handle('created'),
      result: 'written',
      text: TEXT,
      lookups: MERKEL,
      metrics: WRITTEN,
    },
    {
      name: 'a newer version overwrites the record and replaces lookup items that no longer apply',
      prepare: () => tagged(doc(OLD)),
      act: async (w) => {
        w.put(doc(NEW, 'Merkel spoke.'));
        return w.handle('created');
      },
      result: 'written',
      text: 'Merkel spoke.',
      lookups: [entityPk('Merkel')],
      metrics: WRITTEN,
    },
    {
      name: 'the same version tagged by a newer tagger (reprocess) is written again',
      prepare: () => tagged(doc(OLD)),
      act: (w) => w.handle('created', {}, TAGGERS_V2),
      result: 'written',
      text: TEXT,
      lookups: [entityPk('Berlin'), ...MERKEL],
      metrics: WRITTEN,
    },
    {
      name: 'a redelivery of the stored version is a duplicate and writes no record',
      prepare: () => tagged(doc(OLD)),
      act: (w) => w.handle('created'),
      result: 'duplicate',
      text: TEXT,
      lookups: MERKEL,
      metrics: [METRIC_NAMES.duplicatesSkipped],
    },
    {
      name: 'a redelivery restores lookup items a crash left missing',
      prepare: async () => {
        const world = await tagged(doc(OLD));
        const [mention] = world.articles.items.itemsOf(ID).filter((i) => i.pk === mentionPk('2019'));
        await world.articles.items.deleteItems([{ pk: mention!.pk, sk: mention!.sk }]);
        return world;
      },
      act: (w) => w.handle('created'),
      result: 'duplicate',
      text: TEXT,
      lookups: MERKEL,
      metrics: [METRIC_NAMES.duplicatesSkipped],
    },
    {
      name: 'a redelivery finding a record of layout 1 rewrites it in the current layout (counted as tagged) and deletes its old lookup items',
      prepare: async () => {
        const world = await tagged(doc(OLD));
        const items = world.articles.items.itemsOf(ID);
        await world.articles.items.deleteItems(lookupKeysOf(items.find(isRecordItem)!));
        await world.articles.items.putItems(layoutOne(items));
        expect(world.itemKeys()).toEqual([RECORD_SK, ...MERKEL.map((pk) => `LEGACY#${pk}`)].sort());
        return world;
      },
      act: (w) => w.handle('created'),
      result: 'written',
      text: TEXT,
      lookups: MERKEL,
      metrics: WRITTEN,
    },
    {
      name: 'a document older than the stored record is stale and changes nothing',
      prepare: () => tagged(doc(NEW, 'Merkel spoke.')),
      act: async (w) => {
        w.put(doc(OLD));
        return w.handle('created');
      },
      result: 'stale',
      text: 'Merkel spoke.',
      lookups: [entityPk('Merkel')],
      metrics: [METRIC_NAMES.staleEventsSkipped],
    },
    {
      name: 'a version another delivery committed while this one tagged counts as a duplicate',
      prepare: () => tagged(doc(OLD)),
      act: (w) => w.handle('created', { articles: readsNothingOnce(w) }),
      result: 'duplicate',
      text: TEXT,
      lookups: MERKEL,
      metrics: [METRIC_NAMES.duplicatesSkipped],
    },
    {
      name: 'a rejected document becomes a record without lookup items',
      prepare: async () => {
        const world = new World();
        world.put(rejectedDoc(OLD));
        return world;
      },
      act: (w) => w.handle('created'),
      result: 'written',
      text: undefined,
      lookups: [],
      metrics: WRITTEN,
    },
    {
      name: 'a created event whose document is gone leaves the article to its delete event',
      prepare: async () => new World(),
      act: (w) => w.handle('created'),
      result: 'skipped-missing',
      text: undefined,
      lookups: [],
      metrics: [],
    },
    {
      name: 'a delete withdraws the record and every lookup item',
      prepare: async () => {
        const world = await tagged(doc(OLD));
        await world.remove();
        return world;
      },
      act: (w) => w.handle('removed'),
      result: 'deleted',
      text: undefined,
      lookups: [],
      metrics: [METRIC_NAMES.articlesDeleted],
    },
    {
      name: 'a delete of an article never stored succeeds and counts nothing',
      prepare: async () => new World(),
      act: (w) => w.handle('removed'),
      result: 'deleted',
      text: undefined,
      lookups: [],
      metrics: [],
    },
    {
      name: 'a delete older than a re-upload is superseded and keeps the record',
      prepare: () => tagged(doc(OLD)),
      act: (w) => w.handle('removed'),
      result: 'skipped-superseded',
      text: TEXT,
      lookups: MERKEL,
      metrics: [],
    },
    {
      name: 'a document replaced while its record was written converges on the replacement',
      prepare: async () => {
        const world = new World();
        world.put(doc(OLD));
        return world;
      },
      act: (w) =>
        w.handle('created', { objects: changesOnFirstHead(w, () => w.put(doc(NEW, 'Merkel spoke.'))) }),
      result: 'written',
      text: 'Merkel spoke.',
      lookups: [entityPk('Merkel')],
      metrics: [...WRITTEN, ...WRITTEN].sort(),
    },
    {
      name: 'a document deleted while its record was written withdraws the article (delete while cleaning)',
      prepare: async () => {
        const world = new World();
        world.put(doc(OLD));
        return world;
      },
      act: (w) => w.handle('created', { objects: changesOnFirstHead(w, () => w.remove()) }),
      result: 'deleted',
      text: undefined,
      lookups: [],
      metrics: [...WRITTEN, METRIC_NAMES.articlesDeleted].sort(),
    },
    {
      name: 'a document re-uploaded while its delete was applied is written again',
      prepare: async () => {
        const world = await tagged(doc(OLD));
        await world.remove();
        return world;
      },
      act: (w) =>
        w.handle('removed', { objects: changesOnHead(w, 2, () => w.put(doc(NEW, 'Merkel spoke.'))) }),
      result: 'written',
      text: 'Merkel spoke.',
      lookups: [entityPk('Merkel')],
      metrics: WRITTEN,
    },
  ];

  it.each(cases)('$name', async ({ prepare, act, result, text, lookups, metrics }) => {
    // Prepare
    const world = await prepare();

    // Act
    const outcome = await act(world);

    // Assess
    expect(outcome).toBe(result);
    const record = await world.articles.get(ID);
    expect(record?.text).toBe(text);
    if (text === undefined && result === 'written') expect(record?.status).toBe('rejected');
    expect(world.itemKeys().filter((sk) => sk !== RECORD_SK)).toEqual([...lookups].sort());
    expect(world.itemKeys().includes(RECORD_SK)).toBe(record !== undefined);
    expect(world.metricNames()).toEqual(metrics);
  });

  it.each([
    ['a key that names no processed document', 'articles/not-an-id.json'],
    ['a key outside the processed prefix', `raw/${ID}.json`],
  ])('rejects %s as an invalid event', async (_, key) => {
    // Prepare
    const world = new World();
    const change: S3Change = {
      kind: 'created',
      eventName: 'ObjectCreated:Put',
      eventTime: '',
      bucket: BUCKET,
      key,
      sequencer: '01',
    };

    // Act
    const handled = handleProcessedChange(change, world.deps());

    // Assess
    await expect(handled).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('hands the message back before tagging when the time budget is spent, having written nothing', async () => {
    // Prepare
    const world = new World();
    world.put(doc(OLD));
    const spent: TimeBudget = {
      check: () => {
        throw new TimeBudgetExceededError('no time left');
      },
    };

    // Act
    const handled = world.handle('created', {}, undefined, spent);

    // Assess
    await expect(handled).rejects.toBeInstanceOf(TimeBudgetExceededError);
    expect(world.itemKeys()).toEqual([]);
  });

  it('finishes converging on a document that changed during its write, whatever the time budget', async () => {
    // Prepare: the first HEAD after writing finds a newer document; the budget is spent after the first check.
    const world = new World();
    world.put(doc(OLD));
    let changed = false;
    const objects: ObjectStore = {
      get: (l, m) => world.objects.get(l, m),
      put: (l, b, o) => world.objects.put(l, b, o),
      delete: (l, c) => world.objects.delete(l, c),
      head: async (l) => {
        if (!changed) world.put(doc(NEW, 'Merkel flew to Berlin.'));
        changed = true;
        return world.objects.head(l);
      },
    };
    let checks = 0;
    const running: TimeBudget = {
      check: () => {
        if (++checks > 1) throw new TimeBudgetExceededError('no time left');
      },
    };

    // Act
    const result = await world.handle('created', { objects }, undefined, running);

    // Assess
    expect(result).toBe('written');
    const [record] = world.articles.items.itemsOf(ID).filter(isRecordItem).map(recordFromItem);
    expect(record?.source.sequencer).toBe(NEW);
  });

  it('rejects a document that holds another article', async () => {
    // Prepare
    const world = new World();
    world.put({ ...doc(OLD), articleId: 'f'.repeat(32) });

    // Act
    const handled = world.handle('created');

    // Assess
    await expect(handled).rejects.toBeInstanceOf(InvalidEventError);
    expect(world.itemKeys()).toEqual([]);
  });

  it('gives up with a ConvergenceError when the document keeps changing, so the message is retried', async () => {
    // Prepare: every HEAD finds a new version.
    const world = new World();
    world.put(doc(OLD));
    let version = 0;
    const objects: ObjectStore = {
      get: (l, m) => world.objects.get(l, m),
      put: (l, b, o) => world.objects.put(l, b, o),
      delete: (l, c) => world.objects.delete(l, c),
      head: async (l) => {
        world.put(doc(OLD, `Merkel, take ${++version}.`));
        return world.objects.head(l);
      },
    };

    // Act
    const handled = world.handle('created', { objects });

    // Assess
    await expect(handled).rejects.toBeInstanceOf(ConvergenceError);
  });
});

/**
 * The items of layout 1 for a tagged article: the record's fields as plain attributes (no `body`, `lookups` or
 * `layout`) and its lookup items in the article's own partition, copied into the index.
 */
function layoutOne(items: readonly TableItem[]): TableItem[] {
  const item = items.find(isRecordItem)!;
  const { body: _body, lookups: _lookups, layout: _layout, ...plain } = item;
  const legacyRecord = { ...plain, ...recordFromItem(item) } as TableItem;
  const legacyLookups = items
    .filter((i) => !isRecordItem(i) && !isIntentItem(i))
    .map((i) => ({ pk: item.pk, sk: `LEGACY#${i.pk}`, gsi1pk: i.pk, gsi1sk: i.sk, articleId: ID }));
  return [legacyRecord, ...legacyLookups];
}

/**
 * The article store over the world's table, except that its first read of the article's partition finds nothing
 * (as if read just before another delivery's commit).
 */
function readsNothingOnce(world: World): ArticleStore {
  const items = world.articles.items;
  let first = true;
  const table: ItemTable = {
    getRecordItem: (id) => items.getRecordItem(id),
    loadArticle: async (id) => {
      if (!first) return items.loadArticle(id);
      first = false;
      return [];
    },
    getItems: (keys) => items.getItems(keys),
    putItems: (batch) => items.putItems(batch),
    deleteItems: (keys) => items.deleteItems(keys),
    putRecord: (item) => items.putRecord(item),
  };
  return new TableArticleStore(table);
}

/** The world's object store, running `change` just before its first HEAD (the stage's re-read). */
function changesOnFirstHead(world: World, change: () => unknown): ObjectStore {
  return changesOnHead(world, 1, change);
}

/** The world's object store, running `change` just before its `n`th HEAD. */
function changesOnHead(world: World, n: number, change: () => unknown): ObjectStore {
  let heads = 0;
  return {
    get: (l, m) => world.objects.get(l, m),
    put: (l, b, o) => world.objects.put(l, b, o),
    delete: (l, c) => world.objects.delete(l, c),
    head: async (l) => {
      if (++heads === n) await change();
      return world.objects.head(l);
    },
  };
}
