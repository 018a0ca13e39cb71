import {
  NAME_LIKE_CAPS,
  packWord,
  unpackWord,
  type WordRepresentation,
} from '../../../lambdas/core/entities/word-table';

describe('packWord', () => {
  it.each<[string, WordRepresentation, WordRepresentation]>([
    [
      'a name-like word keeps its news path',
      { news: 0o7012, glove: 0o4444, caps: NAME_LIKE_CAPS, company: 6, place: 4, person: 2 },
      { news: 0o7012, glove: undefined, caps: NAME_LIKE_CAPS, company: 6, place: 4, person: 2 },
    ],
    [
      'any other word keeps its GloVe path',
      { news: 0o7012, glove: 0o4444, caps: NAME_LIKE_CAPS - 1, company: 0, place: 7, person: 0 },
      { news: undefined, glove: 0o4444, caps: NAME_LIKE_CAPS - 1, company: 0, place: 7, person: 0 },
    ],
    [
      'a name-like word outside the news tree has no path',
      { news: undefined, glove: 0o4444, caps: 7, company: 7, place: 1, person: 5 },
      { news: undefined, glove: undefined, caps: 7, company: 7, place: 1, person: 5 },
    ],
    [
      'the largest values',
      { news: 0o7777, glove: undefined, caps: 7, company: 7, place: 7, person: 7 },
      { news: 0o7777, glove: undefined, caps: 7, company: 7, place: 7, person: 7 },
    ],
  ])('keeps only the path the features read: %s', (_name, word, expected) => {
    // Act
    const packed = packWord(word);

    // Assess
    expect(unpackWord(packed)).toEqual(expected);
  });

  it('packs a word with nothing known to 0, the empty slot', () => {
    // Act / Assess
    expect(packWord({ news: undefined, glove: undefined, caps: 0, company: 0, place: 0, person: 0 })).toBe(0);
  });
});
