import { canonicalize, summarizeEntities } from '../../../lambdas/core/entities/canonicalize';
import type { EntitySpan, EntityType } from '../../../lambdas/core/entities/types';

/** Spans in text order; offsets only need to be distinct here. */
function spans(...mentions: [string, EntityType][]): EntitySpan[] {
  let at = 0;
  return mentions.map(([text, type]) => {
    const span = { text, type, start: at, end: at + text.length };
    at += text.length + 1;
    return span;
  });
}

describe('canonicalize', () => {
  it.each([
    [
      'surname → full name',
      spans(['Stephen Biegun', 'PERSON'], ['Biegun', 'PERSON']),
      ['Stephen Biegun', 'Stephen Biegun'],
    ],
    [
      'given name → full name',
      spans(['Kim Jong Un', 'PERSON'], ['Kim', 'PERSON']),
      ['Kim Jong Un', 'Kim Jong Un'],
    ],
    [
      'an ambiguous short name keeps its own form',
      spans(['Kim Jong Un', 'PERSON'], ['Kim Dae-jung', 'PERSON'], ['Kim', 'PERSON']),
      ['Kim Jong Un', 'Kim Dae-jung', 'Kim'],
    ],
    [
      'nested candidates resolve to the longest',
      spans(
        ['Security Council', 'ORGANIZATION'],
        ['United Nations Security Council', 'ORGANIZATION'],
        ['Council', 'ORGANIZATION'],
      ),
      [
        'United Nations Security Council',
        'United Nations Security Council',
        'United Nations Security Council',
      ],
    ],
    [
      'headline capitals → running-text spelling',
      spans(['SEOUL', 'LOCATION'], ['Seoul', 'LOCATION']),
      ['Seoul', 'Seoul'],
    ],
    [
      'acronym → expansion',
      spans(['United Nations', 'ORGANIZATION'], ['UN', 'ORGANIZATION']),
      ['United Nations', 'United Nations'],
    ],
    ['types are not mixed', spans(['Jenny Town', 'PERSON'], ['Town', 'LOCATION']), ['Jenny Town', 'Town']],
    ['whitespace is collapsed', spans(['North\n Korea', 'LOCATION']), ['North Korea']],
    ['a lone mention is its own name', spans(['Reuters', 'ORGANIZATION']), ['Reuters']],
  ])('%s', (_name, input, expected) => {
    // Prepare / Act
    const mentions = canonicalize(input);

    // Assess
    expect(mentions.map((m) => m.canonical)).toEqual(expected);
    expect(mentions.map(({ canonical: _c, ...span }) => span)).toEqual(input);
  });
});

describe('summarizeEntities', () => {
  it('counts mentions per entity, most mentioned first', () => {
    // Prepare
    const mentions = canonicalize(
      spans(
        ['Stephen Biegun', 'PERSON'],
        ['Seoul', 'LOCATION'],
        ['Biegun', 'PERSON'],
        ['SEOUL', 'LOCATION'],
        ['Biegun', 'PERSON'],
        ['Reuters', 'ORGANIZATION'],
      ),
    );

    // Act
    const summary = summarizeEntities(mentions);

    // Assess
    expect(summary).toEqual([
      { canonical: 'Stephen Biegun', type: 'PERSON', mentions: 3 },
      { canonical: 'Seoul', type: 'LOCATION', mentions: 2 },
      { canonical: 'Reuters', type: 'ORGANIZATION', mentions: 1 },
    ]);
  });
});
