import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { articleIdOfPk, articlePk, RECORD_SK, toTableItems } from '../../lambdas/adapters/article-table';
import {
  type ArticleQuery,
  ArticleReader,
  type ArticleSummary,
  InvalidCursorError,
  InvalidQueryError,
  type Page,
  type QueryOptions,
  TableReadError,
} from '../../lambdas/reader';
import type { DynamoDbEngine } from '../../local/dynamodb-server';
import { hasJava } from '../helpers/runtime';
import { type ArticleSpec, idOf, record, type SeededTable, startTable } from './seed';

/** The seeded articles, by key; the tests name them by their letter. */
const ARTICLES: readonly ArticleSpec[] = [
  {
    key: 'raw/a.txt',
    title: 'Kim Jong Un warns Washington',
    publishedAt: '2019-12-20T09:00:00+09:00',
    entities: [
      ['Kim Jong Un', 'PERSON', 3],
      ['Washington', 'LOCATION'],
      ['Washington', 'PERSON'],
    ],
    dates: ['2019-12-20', '2019-W51'],
  },
  {
    key: 'raw/b.txt',
    title: 'Biegun leaves Beijing',
    publishedAt: '2019-12-20',
    entities: [
      ['Stephen Biegun', 'PERSON', 2],
      ['Kim Jong Un', 'PERSON'],
    ],
    dates: ['2019-12'],
  },
  {
    key: 'raw/c.txt',
    title: 'Pyongyang silent',
    publishedAt: '2019-12-18',
    entities: [['Kim Jong Un', 'ORGANIZATION']],
    dates: ['2020'],
  },
  { key: 'raw/d.txt', title: 'Christmas plans', publishedAt: '2019-12-01', dates: ['2019-12-25'] },
  {
    key: 'raw/e.txt',
    title: 'November preview',
    publishedAt: '2019-11-30',
    entities: [['Kim Jong Un', 'PERSON']],
    dates: ['2019-12'],
  },
  { key: 'raw/f.txt', title: 'Undated', uploadDay: '2019-12-21', entities: [['KIM  JONG un', 'PERSON']] },
  { key: 'raw/g.txt', status: 'rejected' },
  { key: 'raw/h.txt', title: 'New year', publishedAt: '2020-01-02', dates: ['2019-12-31'] },
  {
    key: 'raw/i.txt',
    title: 'Trade talks',
    publishedAt: '2018-06-02',
    entities: [
      ['United States', 'LOCATION'],
      ['U.S.', 'LOCATION', 2],
    ],
  },
  { key: 'raw/j.txt', title: 'Tourists', publishedAt: '2018-06-01', entities: [['American', 'MISC']] },
  {
    key: 'raw/k.txt',
    title: 'Think tank',
    publishedAt: '2018-05-31',
    entities: [['Washington-based', 'MISC']],
  },
];

const id = (letter: string): string => idOf(`raw/${letter}.txt`);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

function readerSuite(engine: DynamoDbEngine): void {
  describe(`ArticleReader (${engine})`, () => {
    let table: SeededTable;
    let reader: ArticleReader;

    beforeAll(async () => {
      table = await startTable(engine);
      await table.write(ARTICLES.map(record));
      reader = new ArticleReader({ client: table.client, tableName: table.tableName });
    }, 60_000);

    afterAll(async () => {
      await table?.stop();
    });

    beforeEach(() => {
      table.sent.length = 0;
    });

    afterEach(() => {
      // No access pattern may scan, and list queries read lookup partitions or the index only, never an
      // article's own partition.
      expect(table.sent.map((c) => c.name)).not.toContain('ScanCommand');
      for (const c of table.sent.filter((s) => s.name === 'QueryCommand')) {
        const pk = String((c.input.ExpressionAttributeValues as Record<string, unknown>)[':pk']);
        expect(c.input.IndexName === 'lookup' || articleIdOfPk(pk) === undefined).toBe(true);
      }
    });

    it('reads one article by id, without the table attributes', async () => {
      // Act
      const article = await reader.getArticle(id('a'));

      // Assess
      expect(article).toMatchObject({
        id: id('a'),
        title: 'Kim Jong Un warns Washington',
        status: 'processed',
      });
      expect(article).not.toHaveProperty('pk');
      expect(article).not.toHaveProperty('gsi1sk');
      expect(table.sent).toEqual([
        { name: 'GetCommand', input: expect.objectContaining({ ConsistentRead: false }) },
      ]);
    });

    it.each([
      [undefined, false],
      [true, true],
      [false, false],
    ])('passes consistentRead %p to GetItem as %p', async (consistentRead, expected) => {
      // Act
      await reader.getArticle(id('b'), consistentRead === undefined ? {} : { consistentRead });

      // Assess
      expect(table.sent[0]?.input.ConsistentRead).toBe(expected);
    });

    it('returns undefined for an unknown article', async () => {
      // Act + Assess
      expect(await reader.getArticle('0'.repeat(32))).toBeUndefined();
    });

    it.each([
      ['2019-12-20', '2019-12-20', ['a', 'b']],
      ['2019-12-01', '2019-12-31', ['a', 'b', 'c', 'd']],
      ['2019-11-30', '2020-01-02', ['h', 'a', 'b', 'c', 'd', 'e']],
      ['2019-12-02', '2019-12-17', []],
    ])('lists articles published %s..%s newest first', async (from, to, letters) => {
      // Act
      const hits = await collect(reader.listPublished({ from, to }));

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(letters.map(id));
      expect(table.sent.filter((c) => c.name === 'QueryCommand')).toHaveLength(
        (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1,
      );
    });

    it('lists what the index projects: title, publication time, sort time and status', async () => {
      // Act
      const [first] = await collect(reader.listPublished({ from: '2019-12-20', to: '2019-12-20' }));

      // Assess
      expect(first).toEqual({
        articleId: id('a'),
        title: 'Kim Jong Un warns Washington',
        publishedAt: '2019-12-20T09:00:00+09:00',
        sortTime: '2019-12-20T09:00:00+09:00',
        status: 'processed',
      });
    });

    it.each([
      ['Kim Jong Un', undefined, ['f', 'a', 'b', 'c', 'e']],
      ['kim   jong UN', undefined, ['f', 'a', 'b', 'c', 'e']],
      ['Kim Jong Un', 'PERSON', ['f', 'a', 'b', 'e']],
      ['Kim Jong Un', 'ORGANIZATION', ['c']],
      ['Kim Jong Un', 'MISC', []],
      ['Nobody', undefined, []],
    ] as const)('finds articles mentioning %j of type %p', async (name, type, letters) => {
      // Act
      const hits = await collect(reader.findByEntity(type ? { name, type } : { name }));

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(letters.map(id));
      expect(table.sent.filter((c) => c.name === 'QueryCommand')).toHaveLength(1);
    });

    it.each([
      ['United States', {}, ['i']],
      ['U.S.', {}, ['i']],
      ['usa', {}, []],
      ['American', {}, ['j']],
      ['United States', { type: 'MISC' }, []],
      ['United States', { related: true }, ['i', 'j']],
      ['USA', { related: true }, ['i', 'j']],
      ['U.S.', { related: true, type: 'MISC' }, ['j']],
      ['Washington', { related: true }, ['a', 'k']],
      ['Washington-based', {}, ['k']],
    ] as const)(
      'finds articles naming %j (%j), an entity with other names, in one query',
      async (name, options, letters) => {
        // Act
        const hits = await collect(reader.findByEntity({ name, ...options }));
        const records = await collect(reader.findByEntity({ name, ...options }).records());

        // Assess
        expect(hits.map((h) => h.articleId)).toEqual(letters.map(id));
        expect(records.map((r) => r.id)).toEqual(letters.map(id));
        expect(hits.every((h) => h.matches.length > 0)).toBe(true);
        expect(table.sent.filter((c) => c.name === 'QueryCommand')).toHaveLength(2);
      },
    );

    it('lists every name an article gives the entity in a related query, and only the asked name otherwise', async () => {
      // Act
      const [related] = await collect(reader.findByEntity({ name: 'America', related: true }));
      const [exact] = await collect(reader.findByEntity({ name: 'u.s.' }));

      // Assess
      expect(related?.matches).toEqual([
        { type: 'LOCATION', canonical: 'United States', mentions: 1 },
        { type: 'LOCATION', canonical: 'U.S.', mentions: 2 },
      ]);
      expect(exact?.matches).toEqual([{ type: 'LOCATION', canonical: 'U.S.', mentions: 2 }]);
    });

    it('gives one hit per article with a match per type the article gives the name', async () => {
      // Act
      const hits = await collect(reader.findByEntity({ name: 'washington' }));

      // Assess
      expect(hits).toHaveLength(1);
      expect(hits[0]?.matches).toEqual(
        expect.arrayContaining([
          { type: 'LOCATION', canonical: 'Washington', mentions: 1 },
          { type: 'PERSON', canonical: 'Washington', mentions: 1 },
        ]),
      );
    });

    it.each([
      [{ from: '2019-12-19', to: '2019-12-20' }, ['a', 'b']],
      [{ from: '2019-12-20' }, ['f', 'a', 'b']],
      [{ to: '2019-12-18' }, ['c', 'e']],
      [{ from: '2019-12-21', to: '2019-12-21' }, ['f']],
    ])('bounds entity lookups by day with a key condition: %j', async (range, letters) => {
      // Act
      const hits = await collect(reader.findByEntity({ name: 'Kim Jong Un' }, range));

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(letters.map(id));
      expect(String(table.sent[0]?.input.KeyConditionExpression)).toMatch(/\bsk (BETWEEN|>=|<=)/);
    });

    it.each([
      ['2019', {}, ['h', 'a', 'b', 'd', 'e']],
      ['2019-12', {}, ['h', 'a', 'b', 'd', 'e']],
      ['2019-12-20', {}, ['a']],
      ['2019-W51', {}, ['a']],
      ['2020', {}, ['c']],
      ['2019-12', { from: '2019-12-01', to: '2019-12-31' }, ['a', 'b', 'd']],
      ['2019-12', { to: '2019-11-30' }, ['e']],
      ['2018', {}, []],
    ])('finds articles mentioning %s (%j)', async (value, range, letters) => {
      // Act
      const hits = await collect(reader.findByDateMention(value, range));

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(letters.map(id));
    });

    it('reads the full records of hits in one batch, skipping none', async () => {
      // Act
      const records = await collect(reader.findByEntity({ name: 'Kim Jong Un', type: 'PERSON' }).records());

      // Assess
      expect(records.map((r) => r.id)).toEqual(['f', 'a', 'b', 'e'].map(id));
      expect(records[1]?.title).toBe('Kim Jong Un warns Washington');
      expect(table.sent.map((c) => c.name)).toEqual(['QueryCommand', 'BatchGetCommand']);
    });

    it.each([
      [undefined, false],
      [true, true],
    ])(
      'applies consistentRead %p to the record reads, never to the index query',
      async (consistentRead, expected) => {
        // Act
        await collect(
          reader
            .findByDateMention('2019-12', {}, consistentRead === undefined ? {} : { consistentRead })
            .records(),
        );

        // Assess
        const query = table.sent.find((c) => c.name === 'QueryCommand');
        const batch = table.sent.find((c) => c.name === 'BatchGetCommand');
        expect(query?.input).not.toHaveProperty('ConsistentRead');
        expect(Object.values(batch?.input.RequestItems as object)[0]).toMatchObject({
          ConsistentRead: expected,
        });
      },
    );

    it('rejects malformed arguments before reading anything', async () => {
      // Prepare
      const calls: (() => unknown)[] = [
        () => reader.getArticle('not-an-id'),
        () => reader.listPublished({ from: '2019-02-30', to: '2019-03-01' }),
        () => reader.listPublished({ from: '2019-12-31', to: '2019-12-01' }),
        () => reader.listPublished({ from: '2000-01-01', to: '2019-12-31' }),
        () => reader.findByEntity({ name: '   ' }),
        () => reader.findByEntity({ name: 'Kim', type: 'PEOPLE' as never }),
        () => reader.findByEntity({ name: 'Kim' }, { from: '20191201' }),
        () => reader.findByDateMention('P2Y'),
        () => reader.findByDateMention('2019-12-20T10:00'),
        () => reader.findByDateMention('2019-12', {}, { pageSize: 0 }),
      ];

      // Act + Assess
      for (const call of calls) {
        await expect(Promise.resolve().then(call)).rejects.toBeInstanceOf(InvalidQueryError);
      }
      expect(table.sent).toEqual([]);
    });

    it('fails with a TableReadError carrying the SDK error when the table is missing', async () => {
      // Prepare
      const missing = new ArticleReader({ client: table.client, tableName: 'no-such-table' });

      // Act
      const error = await collect(missing.findByEntity({ name: 'Kim' })).catch((e: unknown) => e);

      // Assess
      expect(error).toBeInstanceOf(TableReadError);
      expect((error as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
    });
  });

  describe(`ArticleReader pagination (${engine})`, () => {
    let table: SeededTable;
    let reader: ArticleReader;
    const many = Array.from({ length: 23 }, (_, i) => ({
      key: `raw/many-${i}.txt`,
      title: `Story ${i}`,
      publishedAt: `2020-03-${String(1 + (i % 9)).padStart(2, '0')}T${String(i).padStart(2, '0')}:00:00Z`,
      // Every article names Merkel twice over (two types): its index items must come back as one hit.
      entities: [
        ['Angela Merkel', 'PERSON', 2],
        ['Angela Merkel', 'ORGANIZATION', 1],
      ] as const,
      dates: ['2020-03'],
    }));

    beforeAll(async () => {
      table = await startTable(engine);
      await table.write(many.map(record));
      reader = new ArticleReader({ client: table.client, tableName: table.tableName });
    }, 60_000);

    afterAll(async () => {
      await table?.stop();
    });

    const expectedOrder = (): string[] =>
      [...many].sort((x, y) => (x.publishedAt < y.publishedAt ? 1 : -1)).map((m) => idOf(m.key));

    it.each([1, 2, 5, 22, 23, 50])(
      'pages entity hits %i at a time, each article once, newest first',
      async (size) => {
        // Act
        const pages = await collect(
          reader.findByEntity({ name: 'Angela Merkel' }, {}, { pageSize: size }).pages(),
        );

        // Assess
        const ids = pages.flatMap((p) => p.items.map((h) => h.articleId));
        expect(ids).toEqual(expectedOrder());
        expect(pages.every((p) => p.items.every((h) => h.matches.length === 2))).toBe(true);
        expect(pages.map((p) => p.items.length)).toEqual(
          Array.from({ length: Math.ceil(23 / size) }, (_, i) => Math.min(size, 23 - i * size)),
        );
        expect(pages.at(-1)?.cursor).toBeUndefined();
        expect(pages.slice(0, -1).every((p) => typeof p.cursor === 'string')).toBe(true);
      },
    );

    it.each<[string, (options: QueryOptions) => ArticleQuery<ArticleSummary>]>([
      ['entity', (o) => reader.findByEntity({ name: 'Angela Merkel' }, {}, o)],
      ['mention', (o) => reader.findByDateMention('2020-03', {}, o)],
      ['published', (o) => reader.listPublished({ from: '2020-03-01', to: '2020-03-09' }, o)],
    ])('resumes %s queries from a cursor exactly where the page ended', async (_name, query) => {
      // Prepare
      const first = (await query({ pageSize: 4 }).pages().next()).value as Page<ArticleSummary>;

      // Act
      const rest = await collect(query({ pageSize: 4, cursor: first.cursor ?? '' }));

      // Assess
      expect(first.items).toHaveLength(4);
      expect([...first.items, ...rest].map((h) => h.articleId)).toEqual(expectedOrder());
    });

    it('iterates all hits across DynamoDB pages without pages()', async () => {
      // Act
      const hits = await collect(reader.findByDateMention('2020-03', {}, { pageSize: 3 }));

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(expectedOrder());
      expect(table.sent.filter((c) => c.name === 'QueryCommand').length).toBeGreaterThan(5);
    });

    it('yields one empty page for a query without hits', async () => {
      // Act
      const pages = await collect(reader.findByEntity({ name: 'Nobody' }).pages());

      // Assess
      expect(pages).toEqual([{ items: [] }]);
    });

    it.each([
      ['not base64 json', 'garbage!'],
      ['another query', 'other'],
      ['a tampered segment', 'segment'],
    ])('rejects a cursor that is %s', async (_name, kind) => {
      // Prepare
      const page = (await reader.findByEntity({ name: 'Angela Merkel' }, {}, { pageSize: 2 }).pages().next())
        .value as Page<unknown>;
      const body = JSON.parse(Buffer.from(page.cursor ?? '', 'base64url').toString());
      const cursor =
        kind === 'garbage!'
          ? kind
          : kind === 'segment'
            ? Buffer.from(JSON.stringify({ ...body, s: 7 })).toString('base64url')
            : (page.cursor ?? '');
      const query =
        kind === 'other'
          ? () => reader.findByEntity({ name: 'Angela Merkel', type: 'PERSON' }, {}, { cursor })
          : () => reader.findByEntity({ name: 'Angela Merkel' }, {}, { cursor });

      // Act + Assess
      expect(query).toThrow(InvalidCursorError);
    });
  });

  describe(`ArticleReader records() against a lagging index (${engine})`, () => {
    let table: SeededTable;
    let reader: ArticleReader;

    beforeAll(async () => {
      table = await startTable(engine);
      await table.write(
        ['x', 'y', 'z'].map((l, i) =>
          record({
            key: `raw/${l}.txt`,
            publishedAt: `2021-05-0${i + 1}`,
            entities: [['Ada Lovelace', 'PERSON']],
          }),
        ),
      );
      reader = new ArticleReader({ client: table.client, tableName: table.tableName, consistentRead: true });
    }, 60_000);

    afterAll(async () => {
      await table?.stop();
    });

    it('skips articles deleted or changed since the index was written', async () => {
      // Prepare: what a reader sees between a record write and the index catching up — the lookup items of
      // x and y remain while their records say otherwise.
      await table.client.send(
        new DeleteCommand({
          TableName: table.tableName,
          Key: { pk: articlePk(idOf('raw/x.txt')), sk: RECORD_SK },
        }),
      );
      const changed = record({
        key: 'raw/y.txt',
        publishedAt: '2021-05-02',
        entities: [['Charles Babbage', 'PERSON']],
      });
      await table.putItem(toTableItems(changed)[0]!);

      // Act
      const hits = await collect(reader.findByEntity({ name: 'Ada Lovelace' }));
      const records = await collect(reader.findByEntity({ name: 'Ada Lovelace' }).records());

      // Assess
      expect(hits.map((h) => h.articleId)).toEqual(['z', 'y', 'x'].map((l) => idOf(`raw/${l}.txt`)));
      expect(records.map((r) => r.id)).toEqual([idOf('raw/z.txt')]);
    });
  });
}

readerSuite('dynalite');
if (hasJava()) {
  readerSuite('dynamodb-local');
} else {
  describe('ArticleReader (dynamodb-local)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
