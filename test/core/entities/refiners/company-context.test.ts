import { hashString } from '../../../../lambdas/core/entities/hash';
import { EMPTY_LEXICON, type FeatureLexicon } from '../../../../lambdas/core/entities/lexicon';
import { refineCompanyContexts } from '../../../../lambdas/core/entities/refiners/company-context';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';
import { packWord, WordTable } from '../../../../lambdas/core/entities/word-table';

const span = (text: string, type: EntityType): EntitySpan => ({ text, type, start: 0, end: text.length });

/** Company and place buckets per word (word-representations.ts: company 5 is 1%, place 4 under 10%). */
const BUCKETS: Readonly<Record<string, readonly [company: number, place: number]>> = {
  uber: [6, 4],
  spotify: [5, 3],
  chicago: [1, 7],
  vatican: [7, 5],
  twitter: [3, 1],
  sanders: [3, 2],
};

/** A lexicon whose word table holds the words above, as the model file carries it. */
const lexicon: FeatureLexicon = {
  ...EMPTY_LEXICON,
  words: WordTable.build(
    Uint32Array.from(Object.keys(BUCKETS).map((w) => hashString(w))),
    Uint32Array.from(
      Object.values(BUCKETS).map(([company, place]) =>
        packWord({ news: 0o1234, glove: undefined, caps: 7, company, place, person: 0 }),
      ),
    ),
  ),
};

describe('refineCompanyContexts', () => {
  it.each(['Uber', 'Spotify'])(
    'files the place %s, written in company contexts and seldom after "in", as an organisation',
    (text) => {
      // Prepare / Act
      const [refined] = refineCompanyContexts([span(text, 'LOCATION')], lexicon);

      // Assess
      expect(refined).toEqual(span(text, 'ORGANIZATION'));
    },
  );

  it.each<[string, EntityType]>([
    ['Chicago', 'LOCATION'],
    ['Vatican', 'LOCATION'],
    ['Twitter', 'LOCATION'],
    ['Uber', 'PERSON'],
    ['Uber', 'MISC'],
    ['UBER', 'LOCATION'],
    ['Uber Eats', 'LOCATION'],
    ['Palantir', 'LOCATION'],
  ])('leaves %s (%s) to the model', (text, type) => {
    // Prepare / Act
    const [refined] = refineCompanyContexts([span(text, type)], lexicon);

    // Assess
    expect(refined).toEqual(span(text, type));
  });

  it('does nothing without word representations', () => {
    // Prepare
    const spans = [span('Uber', 'LOCATION')];

    // Act
    const refined = refineCompanyContexts(spans, EMPTY_LEXICON);

    // Assess
    expect(refined).toEqual(spans);
  });
});
