import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../lambdas/adapters/article-store';
import {
  isIntentItem,
  isRecordItem,
  keyId,
  LAYOUT,
  normalizeName,
  type TableItem,
  toTableItems,
} from '../../lambdas/adapters/article-table';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { ArticleReader } from '../../lambdas/reader';
import { hasJava } from '../helpers/runtime';
import { record, useTable } from '../reader/seed';

// Records of older layouts, written as those layouts stored them, migrated by the store on DynamoDB Local: the
// next sync of the article (a redelivery, reprocess or reconcile) leaves exactly the current layout's items.

const ARTICLE = record({
  key: 'raw/old.txt',
  title: 'Talks',
  publishedAt: '2019-12-20',
  entities: [
    ['United States', 'LOCATION', 2],
    ['U.S.', 'LOCATION'],
    ['North Korean', 'MISC'],
    ['Kim Jong Un', 'PERSON'],
  ],
  dates: ['2019-12-20'],
});

/** Layout 2's items: one lookup item per name as written (no identity), the record listing them. */
function layoutTwo(r: ArticleRecord): TableItem[] {
  const [recordItem, ...current] = toTableItems(r) as [TableItem, ...TableItem[]];
  const mentions = current.filter((i) => !i.pk.startsWith('ENTITY#'));
  const entities = r.entitySummary.map((e) => ({
    pk: `ENTITY#${normalizeName(e.canonical)}`,
    sk: recordItem.gsi1sk as string,
    articleId: r.id,
    title: r.title,
    publishedAt: r.publishedAt,
    entityTypes: [e.type],
    matches: [{ type: e.type, canonical: e.canonical, mentions: e.mentions }],
  }));
  const lookups = [...entities, ...mentions];
  return [{ ...recordItem, layout: 2, lookups: lookups.map((l) => l.pk) }, ...lookups];
}

/** Layout 1's items: the record's fields as plain attributes, lookup items in the article's partition. */
function layoutOne(r: ArticleRecord): TableItem[] {
  const [recordItem] = toTableItems(r) as [TableItem, ...TableItem[]];
  const { body: _body, lookups: _lookups, layout: _layout, ...plain } = recordItem;
  const legacy = layoutTwo(r)
    .slice(1)
    .map((l) => ({ pk: recordItem.pk, sk: `${l.pk}#${l.sk}`, gsi1pk: l.pk, gsi1sk: l.sk, articleId: r.id }));
  return [{ ...plain, ...r } as TableItem, ...legacy];
}

if (hasJava()) {
  describe('migration of older layouts (DynamoDB Local)', () => {
    const table = useTable('dynamodb-local');

    /** Keys of every item in the table, the intent item (bookkeeping) aside. */
    async function allKeys(): Promise<string[]> {
      const out = await table().client.send(new ScanCommand({ TableName: table().tableName }));
      return (out.Items ?? [])
        .filter((i) => !isIntentItem(i))
        .map((i) => keyId(i as TableItem))
        .sort();
    }

    async function clear(): Promise<void> {
      const out = await table().client.send(new ScanCommand({ TableName: table().tableName }));
      const store = new DynamoArticleStore(table().client, table().tableName);
      for (const item of out.Items ?? []) await store.remove(String(item.articleId));
    }

    it.each([
      ['layout 1', layoutOne],
      ['layout 2', layoutTwo],
    ])('rewrites an article of %s in the current layout, deleting its old lookup items', async (_, items) => {
      // Prepare
      await clear();
      for (const item of items(ARTICLE)) await table().putItem(item);
      const store = new DynamoArticleStore(table().client, table().tableName);
      const reader = new ArticleReader({ client: table().client, tableName: table().tableName });

      // Act
      const outcome = await store.sync(ARTICLE);

      // Assess
      expect(outcome).toBe('written');
      expect(await allKeys()).toEqual(toTableItems(ARTICLE).map(keyId).sort());
      const stored =
        (await table().client.send(new ScanCommand({ TableName: table().tableName }))).Items ?? [];
      expect(stored.find(isRecordItem)?.layout).toBe(LAYOUT);
      const found = [];
      for await (const hit of reader.findByEntity({ name: 'American', related: true })) found.push(hit);
      expect(found.map((h) => h.matches.map((m) => m.canonical))).toEqual([['United States', 'U.S.']]);
    });

    it.each([
      ['layout 1', layoutOne],
      ['layout 2', layoutTwo],
    ])('removes every item of an article of %s', async (_, items) => {
      // Prepare
      await clear();
      for (const item of items(ARTICLE)) await table().putItem(item);
      const store = new DynamoArticleStore(table().client, table().tableName);

      // Act
      const removed = await store.remove(ARTICLE.id);

      // Assess
      expect(removed).toBe(true);
      expect(await allKeys()).toEqual([]);
    });
  });
} else {
  describe('migration of older layouts (DynamoDB Local)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
