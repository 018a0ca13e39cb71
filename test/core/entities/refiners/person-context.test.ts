import { hashString } from '../../../../lambdas/core/entities/hash';
import { EMPTY_LEXICON, type FeatureLexicon } from '../../../../lambdas/core/entities/lexicon';
import { refinePersonContexts } from '../../../../lambdas/core/entities/refiners/person-context';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';
import { packWord, WordTable } from '../../../../lambdas/core/entities/word-table';

const span = (text: string, type: EntityType): EntitySpan => ({ text, type, start: 0, end: text.length });

/**
 * Person-context and company-context buckets per word (word-representations.ts: person 7 is 40% of the word's
 * capitalised uses after a title, company 1 is never next to a company word).
 */
const BUCKETS: Readonly<Record<string, readonly [person: number, company: number]>> = {
  ursula: [7, 1],
  narendra: [7, 1],
  trent: [5, 1],
  trump: [6, 4],
  martin: [7, 2],
  president: [7, 1],
};

/** A lexicon whose word table holds the words above, as the model file carries it. */
const lexicon: FeatureLexicon = {
  ...EMPTY_LEXICON,
  words: WordTable.build(
    Uint32Array.from(Object.keys(BUCKETS).map((w) => hashString(w))),
    Uint32Array.from(
      Object.values(BUCKETS).map(([person, company]) =>
        packWord({ news: 0o1234, glove: undefined, caps: 7, company, place: 1, person }),
      ),
    ),
  ),
};

describe('refinePersonContexts', () => {
  it.each<[string, EntityType]>([
    ['Ursula von der Leyen', 'ORGANIZATION'],
    ['Narendra Modi', 'LOCATION'],
    ['Narendra  Modi', 'MISC'],
  ])('files %s (%s), whose first word news writes after titles, as a person', (text, type) => {
    // Prepare / Act
    const [refined] = refinePersonContexts([span(text, type)], lexicon);

    // Assess
    expect(refined).toEqual(span(text, 'PERSON'));
  });

  it.each<[string, EntityType]>([
    ['Ursula', 'ORGANIZATION'],
    ['Trent Bridge', 'LOCATION'],
    ['Trump Tower', 'LOCATION'],
    ['Martin Marietta', 'ORGANIZATION'],
    ['URSULA VON DER LEYEN', 'ORGANIZATION'],
    ['Ursula Foundation', 'ORGANIZATION'],
    ['President Bush', 'MISC'],
    ['Unknown Words', 'ORGANIZATION'],
    ['Ursula von der Leyen', 'PERSON'],
  ])('leaves %s (%s) to the model', (text, type) => {
    // Prepare / Act
    const [refined] = refinePersonContexts([span(text, type)], lexicon);

    // Assess
    expect(refined).toEqual(span(text, type));
  });

  it('does nothing without word representations', () => {
    // Prepare
    const spans = [span('Ursula von der Leyen', 'ORGANIZATION')];

    // Act
    const refined = refinePersonContexts(spans, EMPTY_LEXICON);

    // Assess
    expect(refined).toEqual(spans);
  });
});
