import { RECORD_SK, toTableItems } from '../../../lambdas/adapters/article-table';
import { createDateTagger } from '../../../lambdas/core/dates';
import {
  approximateItemBytes,
  buildRecord,
  fitToItemLimit,
  MAX_TRUNCATED_SUMMARY,
} from '../../../lambdas/core/record/build-record';
import type { ArticleRecord, ProcessedDocument } from '../../../lambdas/core/record/types';
import { cleanedArticle, processedDocument, sourceRef, wordTaggers } from '../../helpers/fixtures';

const taggers = wordTaggers({ Kim: 'PERSON', Seoul: 'LOCATION' });
const options = {
  taggers,
  ingestedAt: '2019-12-21T09:00:00.000Z',
  textRef: { bucket: 'p', key: 'articles/x.json' },
};

describe('buildRecord', () => {
  it('tags a cleaned article against its publication date, with code-point offsets', () => {
    // Prepare
    const doc = processedDocument(
      cleanedArticle('😀 Kim left Seoul on Friday.', { publishedAt: '2019-12-20' }),
    );

    // Act
    const record = buildRecord(doc, options);

    // Assess
    expect(record.status).toBe('processed');
    expect(record.referenceDate).toBe('2019-12-20');
    expect(record.entities.map((e) => [e.text, e.type, e.start, e.end])).toEqual([
      ['Kim', 'PERSON', 2, 5],
      ['Seoul', 'LOCATION', 11, 16],
    ]);
    expect(record.dates).toEqual([expect.objectContaining({ value: '2019-12-20', start: 20, end: 26 })]);
    expect(record.taggerVersion).toBe('entities/words-1 dates/friday-1');
  });

  it('falls back to the upload day as reference date when no publication date was found', () => {
    // Prepare
    const doc = processedDocument(cleanedArticle('Friday.'));

    // Act
    const record = buildRecord(doc, options);

    // Assess
    expect(record.publishedAt).toBeUndefined();
    expect(record.referenceDate).toBe('2019-12-21');
  });

  it.each([
    [
      'a metadata date',
      { publishedAt: '2019-12-20', publishedAtSource: 'metadata' },
      '2019-12-20',
      'metadata',
    ],
    [
      'a dateline date',
      { publishedAt: '2019-12-20', publishedAtSource: 'dateline' },
      '2019-12-20',
      'dateline',
    ],
    ['a date cleaned before sources were recorded', { publishedAt: '2019-12-20' }, '2019-12-20', 'metadata'],
    ['no publication date', {}, '2019-12-21', 'upload'],
  ] as const)('records where the reference date came from: %s', (_, metadata, day, source) => {
    // Prepare
    const doc = processedDocument(cleanedArticle('Friday.', metadata));

    // Act
    const record = buildRecord(doc, options);

    // Assess
    expect([record.referenceDate, record.referenceDateSource]).toEqual([day, source]);
  });

  it.each([
    ['en-GB', '2024-04-03'],
    ['en-US', '2024-03-04'],
    [undefined, '2024-XX-XX'],
  ])('reads numeric dates by the declared locale (%s) and keeps it on the record', (locale, value) => {
    // Prepare
    const doc = processedDocument(
      cleanedArticle('Bids closed on 03/04/2024.', {
        publishedAt: '2024-04-10',
        ...(locale === undefined ? {} : { locale }),
      }),
    );

    // Act
    const record = buildRecord(doc, { ...options, taggers: { ...taggers, dates: createDateTagger() } });

    // Assess
    expect(record.dates.map((d) => d.value)).toEqual([value]);
    expect(record.locale).toBe(locale);
  });

  it('records a rejection with its reason and no tags', () => {
    // Prepare
    const source = sourceRef();
    const doc: ProcessedDocument = {
      ...processedDocument(cleanedArticle('x'), source),
      status: 'rejected',
      rejection: { code: 'BINARY', message: 'NUL bytes' },
    };
    delete (doc as { article?: unknown }).article;

    // Act
    const record = buildRecord(doc, options);

    // Assess
    expect(record.status).toBe('rejected');
    expect(record.rejection).toEqual({ code: 'BINARY', message: 'NUL bytes' });
    expect(record.entities).toEqual([]);
    expect(toTableItems(record).map((i) => i.sk)).toEqual([RECORD_SK]);
  });
});

describe('fitToItemLimit', () => {
  it('moves a text too large for an item to its reference, keeping the tags', () => {
    // Prepare
    const text = `Kim ${'word '.repeat(100_000)}`;
    const record = buildRecord(processedDocument(cleanedArticle(text)), options);

    // Act
    const fitted = fitToItemLimit(record, options.textRef, 350_000);

    // Assess
    expect(fitted.text).toBeUndefined();
    expect(fitted.textRef).toEqual(options.textRef);
    expect(fitted.entities).toHaveLength(1);
    expect(fitted.truncated).toBeUndefined();
  });

  it('drops mention lists but keeps the entity summary when even those do not fit', () => {
    // Prepare
    const text = 'Kim '.repeat(20_000);
    const record = buildRecord(processedDocument(cleanedArticle(text)), options);

    // Act
    const fitted = fitToItemLimit(record, options.textRef, 100_000);

    // Assess
    expect(fitted.truncated).toBe(true);
    expect(fitted.entities).toEqual([]);
    expect(fitted.entitySummary).toEqual([{ canonical: 'Kim', type: 'PERSON', mentions: 20_000 }]);
  });
});

describe('fitToItemLimit: a summary too large for the item', () => {
  /** A processed record with `n` distinct entities of `nameBytes` bytes each, mentioned once. */
  function recordWithEntities(
    n: number,
    nameBytes: number,
    extra: Partial<ArticleRecord> = {},
  ): ArticleRecord {
    const base = buildRecord(processedDocument(cleanedArticle('Kim left.')), options);
    const names = Array.from(
      { length: n },
      (_, i) => `${String(i).padStart(6, '0')}${'N'.repeat(nameBytes - 6)}`,
    );
    return {
      ...base,
      ...extra,
      entitySummary: names.map((canonical, i) => ({ canonical, type: 'PERSON' as const, mentions: n - i })),
    };
  }

  it.each([
    ['keeps the most mentioned entities that fit', 5000, 200, [], 100_000],
    ['keeps at most the cap even when more would fit', 20_000, 10, [], 350_000],
    [
      'drops headings too when they alone overflow',
      10,
      10,
      Array.from({ length: 2000 }, () => ({ text: 'H'.repeat(100), start: 0, end: 1 })),
      100_000,
    ],
  ])('%s', (_name, n, nameBytes, headings, maxBytes) => {
    // Prepare
    const record = recordWithEntities(n, nameBytes, { headings });

    // Act
    const fitted = fitToItemLimit(record, options.textRef, maxBytes);

    // Assess
    expect(approximateItemBytes(fitted)).toBeLessThanOrEqual(maxBytes);
    expect(fitted.truncated).toBe(true);
    expect(fitted.entitySummary.length).toBeLessThanOrEqual(MAX_TRUNCATED_SUMMARY);
    expect(fitted.entitySummary).toEqual(record.entitySummary.slice(0, fitted.entitySummary.length));
    expect(fitted.entitySummary.length).toBeGreaterThan(0);
  });
});
