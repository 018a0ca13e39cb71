import {
  articlePk,
  entityKey,
  entityPk,
  lookupKeysOf,
  lookupSk,
  mentionKeysFor,
  mentionPk,
  mentionQueryFor,
  normalizeName,
  publishedPk,
  RECORD_SK,
  recordFromItem,
  storedItemsByArticle,
  toTableItems,
} from '../../lambdas/adapters/article-table';
import { buildRecord } from '../../lambdas/core/record/build-record';
import { cleanedArticle, processedDocument, wordTaggers } from '../helpers/fixtures';

describe('mentionKeysFor', () => {
  it.each([
    ['2019-12-20', ['2019', '2019-12', '2019-12-20']],
    ['2019-12-20T10:42', ['2019', '2019-12', '2019-12-20']],
    ['2019-12', ['2019', '2019-12']],
    ['2019', ['2019']],
    ['2019-W51', ['2019', '2019-W51']],
    ['2019-Q4', ['2019', '2019-Q4']],
    ['2019-WI', ['2019', '2019-WI']],
    ['PRESENT_REF', []],
    ['P2Y', []],
    ['XXXX-12-25', []],
    ['199', []],
  ])('indexes %s under %j', (value, expected) => {
    // Act
    const keys = mentionKeysFor(value);

    // Assess
    expect(keys).toEqual(expected);
  });
});

describe('lookup keys', () => {
  it('matches entity names case- and space-insensitively', () => {
    // Act + Assess
    expect(entityPk('Kim  Jong Un')).toBe(entityPk('kim jong un'));
    expect(entityPk('Kim Jong Un')).toBe('ENTITY#kim jong un');
  });

  it.each([
    ['Kim  Jong Un', 'kim jong un'],
    ['United States', 'united states'],
    ['U.S.', 'united states'],
    ['US', 'united states'],
    ['USA', 'united states'],
    ['America', 'united states'],
    ['American', 'united states'],
    ['North Korean', 'north korea'],
    ['DPRK', 'north korea'],
    ['Chinese', 'china'],
    ['Britain', 'united kingdom'],
    ['Washington-based', 'washington'],
    ['Seoul-based', 'seoul'],
    ['U.S.-based', 'united states'],
    ['-based', '-based'],
    ['U.S. Air Force', 'u.s. air force'],
    ['Welsh', 'welsh'],
    ['Korean', 'korean'],
  ])('looks %j up under the identity %j', (name, identity) => {
    // Act
    const key = entityKey(name);

    // Assess
    expect(key).toBe(identity);
    expect(entityPk(name)).toBe(`ENTITY#${identity}`);
  });

  it('normalises names to NFC so composed and decomposed forms meet', () => {
    // Act + Assess
    expect(normalizeName('Mu\u0308ller')).toBe(normalizeName('Müller'));
  });

  it('sorts lookup items newest first when queried descending', () => {
    // Prepare
    const older = lookupSk('2019-12-19', 'b');
    const newer = lookupSk('2019-12-20', 'a');

    // Assess
    expect([older, newer].sort().reverse()).toEqual([newer, older]);
    expect(publishedPk('2019-12-20')).toBe('PUBLISHED#2019-12-20');
  });
});

/** `sentence` `times` times, each followed by a different made-up word, so the text hardly compresses. */
function varied(sentence: string, times: number): string {
  let seed = 7;
  const word = () =>
    Array.from({ length: 8 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
  return Array.from({ length: times }, () => `${sentence}${word()} `).join('');
}

describe('toTableItems', () => {
  const options = {
    taggers: wordTaggers({ Kim: 'PERSON', Seoul: 'LOCATION' }),
    ingestedAt: '2019-12-21T09:00:00.000Z',
    textRef: { bucket: 'processed', key: 'articles/x.json' },
  };

  it('writes the record plus one lookup item per entity name and per mentioned year and month', () => {
    // Prepare
    const doc = processedDocument(
      cleanedArticle('Kim met Kim in Seoul on Friday.', { publishedAt: '2019-12-20', title: 'T' }),
    );
    const record = buildRecord(doc, options);

    // Act
    const items = toTableItems(record);

    // Assess
    const sk = lookupSk('2019-12-20', record.id);
    expect(items.map((i) => [i.pk, i.sk])).toEqual([
      [articlePk(record.id), RECORD_SK],
      [entityPk('Kim'), sk],
      [entityPk('Seoul'), sk],
      [mentionPk('2019'), sk],
      [mentionPk('2019-12'), sk],
    ]);
    expect(items[0]).toMatchObject({ gsi1pk: publishedPk('2019-12-20'), gsi1sk: sk });
    expect(items[0]?.sequencer).toBe(`${'0'.repeat(14)}0055AED6DCD90281E5`);
    expect(items[1]).toMatchObject({
      articleId: record.id,
      title: 'T',
      entityTypes: ['PERSON'],
      matches: [{ type: 'PERSON', canonical: 'Kim', mentions: 2 }],
    });
    expect(items[3]).toMatchObject({ mentioned: [] });
    expect(items[4]).toMatchObject({ mentioned: ['2019-12-20'] });
  });

  it('gives a name tagged with two types one lookup item that lists both', () => {
    // Prepare
    const record = buildRecord(processedDocument(cleanedArticle('Jordan met Jordan.')), options);
    const twoTypes = {
      ...record,
      entitySummary: [
        { canonical: 'Jordan', type: 'PERSON' as const, mentions: 1 },
        { canonical: 'Jordan', type: 'LOCATION' as const, mentions: 1 },
      ],
    };

    // Act
    const lookups = toTableItems(twoTypes).slice(1);

    // Assess
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ pk: entityPk('jordan'), entityTypes: ['PERSON', 'LOCATION'] });
  });

  it('gives the names of one entity one lookup item that lists each name and its types', () => {
    // Prepare
    const record = buildRecord(processedDocument(cleanedArticle('The U.S. and American firms.')), options);
    const aliases = {
      ...record,
      entitySummary: [
        { canonical: 'United States', type: 'LOCATION' as const, mentions: 2 },
        { canonical: 'U.S.', type: 'LOCATION' as const, mentions: 1 },
        { canonical: 'American', type: 'MISC' as const, mentions: 1 },
        { canonical: 'Washington-based', type: 'MISC' as const, mentions: 1 },
      ],
    };

    // Act
    const [item, ...lookups] = toTableItems(aliases);

    // Assess
    expect(lookups.map((l) => l.pk)).toEqual(['ENTITY#united states', 'ENTITY#washington']);
    expect(lookups[0]).toMatchObject({
      entityNames: ['american', 'u.s.', 'united states'],
      entityTypes: ['LOCATION', 'MISC'],
      typedNames: ['LOCATION:u.s.', 'LOCATION:united states', 'MISC:american'],
      matches: [
        { type: 'LOCATION', canonical: 'United States', mentions: 2 },
        { type: 'LOCATION', canonical: 'U.S.', mentions: 1 },
        { type: 'MISC', canonical: 'American', mentions: 1 },
      ],
    });
    expect(lookups[1]).toMatchObject({ entityNames: ['washington-based'], entityTypes: ['MISC'] });
    expect(lookupKeysOf(item!).map((k) => k.pk)).toEqual(lookups.map((l) => l.pk));
  });

  it.each([
    [3, true],
    [2, false],
    [undefined, false],
  ])('tells reconcile an article whose record has layout %p is in sync: %p', (layout, inSync) => {
    // Prepare
    const record = buildRecord(processedDocument(cleanedArticle('Kim met Kim in Seoul.')), options);
    const [item, ...lookups] = toTableItems(record);
    const { layout: _layout, ...rest } = item!;
    const stored = [{ ...rest, ...(layout === undefined ? {} : { layout }) }, ...lookups];

    // Act
    const [article] = storedItemsByArticle(stored);

    // Assess
    expect([...article!.sortKeys].sort().join() === [...article!.record!.wantedSortKeys].sort().join()).toBe(
      inSync,
    );
  });

  it('keeps a short record whole through its compressed record item, the text inline', () => {
    // Prepare
    const record = buildRecord(
      processedDocument(
        cleanedArticle('Kim met Kim in Seoul on Friday.', { publishedAt: '2019-12-20', title: 'T' }),
      ),
      options,
    );
    const { textRef: _ref, ...inline } = record;

    // Act
    const [item] = toTableItems(record);

    // Assess
    expect(item?.text).toBeUndefined();
    expect(item?.entities).toBeUndefined();
    expect(item?.textRef).toBeUndefined();
    expect(recordFromItem(item!)).toEqual(inline);
  });

  it.each([
    ['names spelled as their entity', 'Kim met Kim in Seoul on Friday. ', {}],
    ['mentions spelled otherwise', 'KIM met Kim in SEOUL on Friday. ', { KIM: 'Kim', SEOUL: 'Seoul' }],
  ])(
    'keeps the text of a long article in its processed document only, and its mentions exact (%s)',
    (_, sentence, spelled: Record<string, string>) => {
      // Prepare
      const taggers = wordTaggers({ Kim: 'PERSON', KIM: 'PERSON', Seoul: 'LOCATION', SEOUL: 'LOCATION' });
      const built = buildRecord(
        processedDocument(cleanedArticle(varied(sentence, 300), { publishedAt: '2019-12-20' })),
        { ...options, taggers },
      );
      // As the entity linker does: a mention names its entity by the entity's canonical spelling.
      const entities = built.entities.map((e) => ({ ...e, canonical: spelled[e.text] ?? e.text }));
      const record = { ...built, entities };

      // Act
      const [item] = toTableItems(record);
      const read = recordFromItem(item!);

      // Assess
      const { text: _text, ...referenced } = record;
      expect(item?.textRef).toEqual(options.textRef);
      expect(read).toEqual(referenced);
      expect(read.entities).toHaveLength(900);
    },
  );

  it('reads the compressed body base64-encoded too, as a Lambda stream event carries binary', () => {
    // Prepare
    const record = buildRecord(processedDocument(cleanedArticle('Kim met Kim in Seoul on Friday.')), options);
    const [item] = toTableItems(record);
    const fromEvent = { ...item, body: Buffer.from(item!.body as Uint8Array).toString('base64') };

    // Act
    const read = recordFromItem(fromEvent);

    // Assess
    const { textRef: _ref, ...inline } = record;
    expect(read).toEqual(inline);
  });
});

describe('mentionQueryFor', () => {
  it.each([
    ['2019', { partition: '2019' }],
    ['2019-12', { partition: '2019-12' }],
    ['2019-12-20', { partition: '2019-12', filter: '2019-12-20' }],
    ['2019-W51', { partition: '2019', filter: '2019-W51' }],
    ['2019-Q4', { partition: '2019', filter: '2019-Q4' }],
    ['2019-12-20T10:42', undefined],
    ['P2Y', undefined],
  ])('looks %s up as %j', (value, expected) => {
    // Act
    const where = mentionQueryFor(value);

    // Assess
    expect(where).toEqual(expected);
  });
});
