import { EMPTY_LEXICON, type FeatureLexicon, PhraseTable } from '../../../../lambdas/core/entities/lexicon';
import { refineBrandNames } from '../../../../lambdas/core/entities/refiners/brand-names';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

const span = (text: string, type: EntityType): EntitySpan => ({ text, type, start: 0, end: text.length });

const CATEGORIES = ['country', 'city', 'person', 'company', 'brand', 'nationality'];
const bits = (...names: string[]) => names.reduce((m, n) => m | (1 << CATEGORIES.indexOf(n)), 0);

/** A lexicon with a few one-word list entries, as the model file carries them. */
const lexicon: FeatureLexicon = {
  ...EMPTY_LEXICON,
  categories: CATEGORIES,
  maxPhraseTokens: 1,
  phrases: PhraseTable.build(
    Uint32Array.from(
      ['tesla', 'walmart', 'nokia', 'jordan', 'seoul'].map((w) => PhraseTable.hashTokens([w])),
    ),
    Uint16Array.from([
      bits('person', 'brand'),
      bits('brand'),
      bits('city', 'company'),
      bits('country', 'person'),
      bits('city'),
      bits('company'),
    ]),
  ),
};

describe('refineBrandNames', () => {
  it.each(['Tesla', 'Walmart'])(
    'files the place %s, a brand in no place list, as an organisation',
    (text) => {
      // Prepare / Act
      const [refined] = refineBrandNames([span(text, 'LOCATION')], lexicon);

      // Assess
      expect(refined).toEqual(span(text, 'ORGANIZATION'));
    },
  );

  it.each<[string, EntityType]>([
    ['Nokia', 'LOCATION'],
    ['Jordan', 'LOCATION'],
    ['Seoul', 'LOCATION'],
    ['Tesla', 'PERSON'],
    ['Tesla Motors', 'LOCATION'],
    ['Palantir', 'LOCATION'],
    ['TESLA', 'LOCATION'],
  ])('leaves %s (%s) to the model', (text, type) => {
    // Prepare / Act
    const [refined] = refineBrandNames([span(text, type)], lexicon);

    // Assess
    expect(refined).toEqual(span(text, type));
  });

  it('does nothing without gazetteers', () => {
    // Prepare
    const spans = [span('Tesla', 'LOCATION')];

    // Act
    const refined = refineBrandNames(spans, EMPTY_LEXICON);

    // Assess
    expect(refined).toEqual(spans);
  });
});
