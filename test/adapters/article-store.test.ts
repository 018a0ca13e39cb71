import { TableArticleStore } from '../../lambdas/adapters/article-store';
import { entityPk, isIntentItem, keyId, toTableItems } from '../../lambdas/adapters/article-table';
import { AdapterError } from '../../lambdas/adapters/errors';
import type { ItemTable } from '../../lambdas/adapters/item-table';
import { buildRecord } from '../../lambdas/core/record/build-record';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { cleanedArticle, processedDocument, sourceRef, wordTaggers } from '../helpers/fixtures';
import { MemoryItemTable } from '../helpers/memory-stores';

// The store's convergence order, through crashes injected between its requests: whatever is cut short, the next
// sync of the article leaves exactly the items of the stored version.

const TAGGERS = wordTaggers({ Merkel: 'PERSON', Berlin: 'LOCATION', Paris: 'LOCATION', Rome: 'LOCATION' });

function version(sequencer: string, text: string): ArticleRecord {
  const doc = processedDocument(
    cleanedArticle(text, { publishedAt: '2019-12-20' }),
    sourceRef({ sequencer }),
  );
  return buildRecord(doc, {
    taggers: TAGGERS,
    ingestedAt: '2019-12-21T09:00:00.000Z',
    textRef: { bucket: 'processed', key: 'articles/x.json' },
  });
}

const V1 = version('01', 'Merkel met reporters in Berlin.');
const V2 = version('02', 'Merkel flew to Paris.');
const V3 = version('03', 'Merkel flew to Rome.');

/** The table, failing the `n`th call of `method` (fault injection: a crash at that point). */
function crashing(inner: ItemTable, method: keyof ItemTable, n: number): ItemTable {
  let calls = 0;
  const fail = <T>(run: () => Promise<T>): Promise<T> =>
    ++calls === n ? Promise.reject(new AdapterError(`crash at ${method} #${n}`)) : run();
  return {
    getRecordItem: (id) => inner.getRecordItem(id),
    loadArticle: (id) => inner.loadArticle(id),
    getItems: (keys) => inner.getItems(keys),
    putItems: (items) => (method === 'putItems' ? fail(() => inner.putItems(items)) : inner.putItems(items)),
    deleteItems: (keys) =>
      method === 'deleteItems' ? fail(() => inner.deleteItems(keys)) : inner.deleteItems(keys),
    putRecord: (item) => (method === 'putRecord' ? fail(() => inner.putRecord(item)) : inner.putRecord(item)),
  };
}

/** Keys of every item the article has, bookkeeping aside. */
function stored(table: MemoryItemTable): string[] {
  return table
    .itemsOf(V1.id)
    .filter((i) => !isIntentItem(i))
    .map(keyId)
    .sort();
}

function expected(record: ArticleRecord): string[] {
  return toTableItems(record).map(keyId).sort();
}

describe('TableArticleStore', () => {
  it.each([
    ['the intent item', 'putItems', 1],
    ['the lookup items', 'putItems', 2],
    ['the deletes', 'deleteItems', 1],
    ['the record commit', 'putRecord', 1],
  ] as const)(
    'leaves nothing behind when a version crashes at %s and a newer one follows',
    async (_, method, n) => {
      // Prepare: V1 stored; V2's sync crashes part-way.
      const table = new MemoryItemTable();
      const store = new TableArticleStore(table);
      await store.sync(V1);
      await expect(new TableArticleStore(crashing(table, method, n)).sync(V2)).rejects.toBeInstanceOf(
        AdapterError,
      );

      // Act: V3 arrives before V2 is retried.
      const outcome = await store.sync(V3);

      // Assess
      expect(outcome).toBe('written');
      expect(stored(table)).toEqual(expected(V3));
      expect(stored(table)).not.toContain(keyId({ pk: entityPk('Paris'), sk: toTableItems(V2)[1]!.sk }));
    },
  );

  it('removes every item, including lookup items a crashed version wrote ahead of its commit', async () => {
    // Prepare
    const table = new MemoryItemTable();
    const store = new TableArticleStore(table);
    await store.sync(V1);
    await expect(new TableArticleStore(crashing(table, 'putRecord', 1)).sync(V2)).rejects.toBeInstanceOf(
      AdapterError,
    );

    // Act
    const removed = await store.remove(V1.id);

    // Assess
    expect(removed).toBe(true);
    expect(table.itemsOf(V1.id)).toEqual([]);
  });

  it('does not write unchanged lookup items again when a version is re-tagged', async () => {
    // Prepare
    const table = new MemoryItemTable();
    await new TableArticleStore(table).sync(V1);
    const puts: string[] = [];
    const counting: ItemTable = {
      ...bind(table),
      putItems: (items) => {
        puts.push(...items.map((i) => i.pk));
        return table.putItems(items);
      },
    };
    const retagged = { ...V1, taggerVersion: `${V1.taggerVersion}+next` };

    // Act
    const outcome = await new TableArticleStore(counting).sync(retagged);

    // Assess
    expect(outcome).toBe('written');
    expect(puts).toEqual([]);
    expect(stored(table)).toEqual(expected(retagged));
  });
});

function bind(table: ItemTable): ItemTable {
  return {
    getRecordItem: (id) => table.getRecordItem(id),
    loadArticle: (id) => table.loadArticle(id),
    getItems: (keys) => table.getItems(keys),
    putItems: (items) => table.putItems(items),
    deleteItems: (keys) => table.deleteItems(keys),
    putRecord: (item) => table.putRecord(item),
  };
}
