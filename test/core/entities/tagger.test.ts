import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../../lambdas/core/clean/clean-article';
import { createEntityTagger, ENTITY_MODEL_PATH } from '../../../lambdas/core/entities';
import type { EntitySpan, EntityTagger, EntityType } from '../../../lambdas/core/entities/types';
import { ModelFormatError } from '../../../lambdas/core/errors';

const MODELS = join(__dirname, '../../../models');
const readModel = (path: string): Uint8Array => readFileSync(join(MODELS, path));

/** The seed article as the pipeline tags it: the cleaner's text (no scraper header, no tag footer). */
function seedBody(): string {
  const bytes = readFileSync(join(__dirname, '../../../samples/seed-korea-2019-12-20.txt'));
  const outcome = cleanArticle({ bytes, key: 'raw/seed-korea-2019-12-20.txt', contentType: 'text/plain' });
  if (outcome.status !== 'cleaned') throw new Error(`seed rejected: ${outcome.rejection.message}`);
  return outcome.article.text;
}

describe('entity tagger (committed model)', () => {
  let tagger: EntityTagger;
  let seed: EntitySpan[];

  beforeAll(() => {
    tagger = createEntityTagger(readModel);
    seed = tagger.tag(seedBody());
  });

  it('reads the model through the injected reader only', () => {
    // Prepare
    const asked: string[] = [];

    // Act
    const built = createEntityTagger((path) => {
      asked.push(path);
      return readModel(path);
    });

    // Assess
    expect(asked).toEqual([ENTITY_MODEL_PATH]);
    expect(built.version).toMatch(/^perceptron-\d+\+r\d+$/);
  });

  it('rejects a file that is not a model', () => {
    // Prepare / Act / Assess
    expect(() => createEntityTagger(() => new TextEncoder().encode('not a model'))).toThrow(ModelFormatError);
  });

  it('tags at least 16 of 18 checked names of the seed article right', () => {
    // Prepare: tagged once in beforeAll; the names as CoNLL-2003 guidelines type them.
    const expected: readonly [EntityType, string][] = [
      ['PERSON', 'Stephen Biegun'],
      ['PERSON', 'Jenny Town'],
      ['PERSON', 'Trump'],
      ['PERSON', 'Charles Brown'],
      ['PERSON', 'Kim Jong Un'],
      ['LOCATION', 'Seoul'],
      ['LOCATION', 'Beijing'],
      ['LOCATION', 'Tokyo'],
      ['LOCATION', 'Pyongyang'],
      ['LOCATION', 'North Korea'],
      ['LOCATION', 'China'],
      ['LOCATION', 'Russia'],
      ['LOCATION', 'Washington'],
      ['ORGANIZATION', 'United Nations Security Council'],
      ['ORGANIZATION', 'Foundation for Defense of Democracies'],
      ['ORGANIZATION', 'U.S. Air Force'],
      ['ORGANIZATION', 'Reuters'],
      ['ORGANIZATION', 'Korea Peace Now!'],
    ];

    // Act
    const missed = expected.filter(([type, name]) => !seed.some((s) => s.text === name && s.type === type));

    // Assess: the misses are the failure message (perceptron-5 misses none, perceptron-4 two: README, known limits).
    expect(missed.length <= 2 ? [] : missed).toEqual([]);
  });

  it('files the seed article\'s "Christmas present" as a holiday, not a person', () => {
    // Prepare / Act: tagged once in beforeAll.
    const types = seed.filter((s) => s.text === 'Christmas').map((s) => s.type);

    // Assess
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === 'MISC')).toBe(true);
  });

  it('finds names in a lower-cased sentence, with offsets into the text as given', () => {
    // Prepare
    const text =
      'SEOUL (Reuters) - Stephen Biegun was due to leave Beijing for Seoul on Friday.\n' +
      'later, stephen biegun met officials from north korea and china in seoul.';

    // Act
    const spans = tagger.tag(text).filter((s) => s.start > text.indexOf('\n'));

    // Assess
    expect(spans.map((s) => [s.text, s.type])).toEqual([
      ['stephen biegun', 'PERSON'],
      ['north korea', 'LOCATION'],
      ['china', 'LOCATION'],
      ['seoul', 'LOCATION'],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns sorted, non-overlapping spans whose text matches their offsets', () => {
    // Prepare
    const text = seedBody();

    // Act / Assess
    for (let i = 0; i < seed.length; i++) {
      const s = seed[i] as EntitySpan;
      expect(text.slice(s.start, s.end)).toBe(s.text);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual((seed[i - 1] as EntitySpan).end);
    }
  });

  it.each([
    [
      'CoNLL-style text',
      'EU rejects German call to boycott British lamb .\nPeter Blackburn\nBRUSSELS 1996-08-22',
      [
        ['EU', 'ORGANIZATION'],
        ['German', 'MISC'],
        ['British', 'MISC'],
        ['Peter Blackburn', 'PERSON'],
        ['BRUSSELS', 'LOCATION'],
      ],
    ],
    [
      'raw prose',
      'Angela Merkel met Emmanuel Macron in Paris on Tuesday, a German official said.',
      [
        ['Angela Merkel', 'PERSON'],
        ['Emmanuel Macron', 'PERSON'],
        ['Paris', 'LOCATION'],
        ['German', 'MISC'],
      ],
    ],
  ])('tags %s', (_name, text, expected) => {
    // Prepare / Act
    const spans = tagger.tag(text);

    // Assess
    expect(spans.map((s) => [s.text, s.type])).toEqual(expected);
  });

  it.each([[''], ['   '], ['...'], ['lower case text with no names at all']])(
    'finds nothing in %j',
    (text) => {
      // Prepare / Act / Assess
      expect(tagger.tag(text)).toEqual([]);
    },
  );

  it('is deterministic across calls (caches do not change results)', () => {
    // Prepare
    const text = seedBody();

    // Act
    const again = tagger.tag(text);

    // Assess
    expect(again).toEqual(seed);
  });
});
