import { mergeAdjacentPersons } from '../../../../lambdas/core/entities/refiners/adjacent-persons';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

/** Spans of `text` for the given words (first occurrence each) with their types. */
function spansOf(text: string, tagged: readonly [string, EntityType][]): EntitySpan[] {
  return tagged.map(([word, type]) => {
    const start = text.indexOf(word);
    return { text: word, type, start, end: start + word.length };
  });
}

describe('mergeAdjacentPersons', () => {
  it.each<[string, readonly [string, EntityType][], string[]]>([
    [
      'Donald Trump spoke.',
      [
        ['Donald', 'PERSON'],
        ['Trump', 'PERSON'],
      ],
      ['Donald Trump/PERSON'],
    ],
    [
      'Kim  Jong Un came.',
      [
        ['Kim', 'PERSON'],
        ['Jong Un', 'PERSON'],
      ],
      ['Kim  Jong Un/PERSON'],
    ],
    [
      'A B C',
      [
        ['A', 'PERSON'],
        ['B', 'PERSON'],
        ['C', 'PERSON'],
      ],
      ['A B C/PERSON'],
    ],
  ])('joins PERSON mentions with only spaces between them: %s', (text, tagged, expected) => {
    // Prepare
    const spans = spansOf(text, tagged);

    // Act
    const merged = mergeAdjacentPersons(text, spans);

    // Assess
    expect(merged.map((s) => `${s.text}/${s.type}`)).toEqual(expected);
    expect(merged.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it.each<[string, readonly [string, EntityType][]]>([
    [
      'Trump, Biden and Harris',
      [
        ['Trump', 'PERSON'],
        ['Biden', 'PERSON'],
        ['Harris', 'PERSON'],
      ],
    ],
    [
      'Donald\nTrump',
      [
        ['Donald', 'PERSON'],
        ['Trump', 'PERSON'],
      ],
    ],
    [
      'Biden Washington',
      [
        ['Biden', 'PERSON'],
        ['Washington', 'LOCATION'],
      ],
    ],
    [
      'Ford Motor',
      [
        ['Ford', 'ORGANIZATION'],
        ['Motor', 'ORGANIZATION'],
      ],
    ],
  ])('leaves apart what punctuation, lines or types separate: %s', (text, tagged) => {
    // Prepare
    const spans = spansOf(text, tagged);

    // Act
    const merged = mergeAdjacentPersons(text, spans);

    // Assess
    expect(merged).toEqual(spans);
  });
});
