import { LABEL_COUNT, labelName, labelOf, OUTSIDE } from '../../../../lambdas/core/entities/labels';
import { MENTION_VETOES, redecodeVetoedMentions } from '../../../../lambdas/core/entities/refiners';
import type { EntityType } from '../../../../lambdas/core/entities/types';
import { constrainTransitions, viterbi } from '../../../../lambdas/core/entities/viterbi';
import type { SentenceRange } from '../../../../lambdas/core/text/sentences';

const L = LABEL_COUNT;
const TRANSITIONS = constrainTransitions(new Float32Array(L * L), new Float32Array(L), new Float32Array(L));

/** Decodes each sentence, then refines with the tagger's vetoes: the labels before and after, and what fired. */
function decodeAndRefine(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  emissions: Float32Array,
) {
  const labels = new Uint8Array(words.length);
  const back = new Uint8Array(words.length * L);
  for (const s of sentences)
    viterbi(emissions, s.start * L, s.end - s.start, TRANSITIONS, labels, back, s.start);
  const before = Array.from(labels, labelName);
  const fired = redecodeVetoedMentions(
    words,
    sentences,
    emissions,
    TRANSITIONS,
    labels,
    back,
    MENTION_VETOES,
  );
  return { fired, before, labels: Array.from(labels, labelName) };
}

/**
 * One sentence where the words from `at` (`length` of them) score highest as a `best` mention and next as a
 * `runnerUp` one, and every other word as O; decoded, then refined.
 */
function tagAndRefine(sentence: string, at: number, length: number, best: EntityType, runnerUp: EntityType) {
  const words = sentence.split(' ');
  const n = words.length;
  const emissions = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    if (i < at || i >= at + length) {
      emissions[i * L + OUTSIDE] = 5;
      continue;
    }
    const part = length === 1 ? 'U' : i === at ? 'B' : i === at + length - 1 ? 'L' : 'I';
    emissions[i * L + labelOf(best, part)] = 3;
    emissions[i * L + labelOf(runnerUp, part)] = 2;
  }
  return decodeAndRefine(words, [{ start: 0, end: n }], emissions);
}

describe('redecodeVetoedMentions', () => {
  it.each<[string, string, number, number, EntityType, EntityType, string[]]>([
    [
      'agent-subject',
      'The Korea Peace Now ! said on Friday',
      1,
      4,
      'MISC',
      'ORGANIZATION',
      ['B-ORGANIZATION', 'I-ORGANIZATION', 'I-ORGANIZATION', 'L-ORGANIZATION'],
    ],
    [
      'agent-subject',
      'The Korea Peace Now ! called for talks',
      1,
      4,
      'MISC',
      'ORGANIZATION',
      ['B-ORGANIZATION', 'I-ORGANIZATION', 'I-ORGANIZATION', 'L-ORGANIZATION'],
    ],
    [
      'agent-subject',
      'The Korea Peace Now ! calls on Seoul',
      1,
      4,
      'MISC',
      'ORGANIZATION',
      ['B-ORGANIZATION', 'I-ORGANIZATION', 'I-ORGANIZATION', 'L-ORGANIZATION'],
    ],
    ['agent-subject', 'Aung San urged restraint', 0, 2, 'MISC', 'PERSON', ['B-PERSON', 'L-PERSON']],
    [
      'head-noun',
      'They met in Green Square on Monday',
      3,
      2,
      'PERSON',
      'LOCATION',
      ['B-LOCATION', 'L-LOCATION'],
    ],
    [
      'head-noun',
      'shares of Acme Corp. rose',
      2,
      2,
      'PERSON',
      'ORGANIZATION',
      ['B-ORGANIZATION', 'L-ORGANIZATION'],
    ],
    ['head-noun', 'across the English Channel', 2, 2, 'PERSON', 'LOCATION', ['B-LOCATION', 'L-LOCATION']],
    // The title itself leaves every entity, not just the organisation.
    [
      'title-noun',
      'the U.S. Special Representative arrived',
      1,
      3,
      'ORGANIZATION',
      'LOCATION',
      ['B-LOCATION', 'L-LOCATION', 'O'],
    ],
  ])(
    '%s: re-reads "%s" with the vetoed type forbidden',
    (rule, sentence, at, length, best, runnerUp, expected) => {
      // Prepare / Act
      const { fired, labels } = tagAndRefine(sentence, at, length, best, runnerUp);

      // Assess
      expect(fired).toEqual([rule]);
      expect(labels.slice(at, at + length)).toEqual(expected);
    },
  );

  it.each<[string, string, number, number, EntityType]>([
    [
      'a single-word MISC subject (nationality groups speak in CoNLL)',
      'The Iraqis said on Friday',
      1,
      1,
      'MISC',
    ],
    ['a verb that also names things', 'A group called Korea Peace Now', 3, 3, 'MISC'],
    ['"called off"', 'The World Cup called off play', 1, 2, 'MISC'],
    ['a verb of no agent', 'The World Cup ended on Friday', 1, 2, 'MISC'],
    ['the verb not right after the mention', 'The World Cup , officials said', 1, 2, 'MISC'],
    ['a MISC mention that ends the sentence', 'He watched the World Cup', 3, 2, 'MISC'],
    ['an organisation that speaks', 'The Korea Peace Now ! said', 1, 4, 'ORGANIZATION'],
    ['a person whose name is not a head noun', 'Stephen Biegun said on Friday', 0, 2, 'PERSON'],
    ['a one-word person named like a head noun', 'Bank said on Friday', 0, 1, 'PERSON'],
    ['a place ending in a head noun', 'across the English Channel', 2, 2, 'LOCATION'],
    ['a one-word organisation named like a title', 'the Minister said so', 1, 1, 'ORGANIZATION'],
    ['an organisation that ends in no title', 'the Foundation for Defense said so', 1, 3, 'ORGANIZATION'],
  ])('leaves alone %s', (_case, sentence, at, length, best) => {
    // Prepare / Act
    const { fired, labels } = tagAndRefine(sentence, at, length, best, 'ORGANIZATION');

    // Assess
    expect(fired).toEqual([]);
    expect(labels[at]).toMatch(new RegExp(`-${best}$`));
  });

  it('does not look for the verb across a sentence boundary', () => {
    // Prepare
    const words = 'They watched the World Cup said nothing'.split(' ');
    const n = words.length;
    const emissions = new Float32Array(n * L);
    for (let i = 0; i < n; i++) emissions[i * L + OUTSIDE] = 5;
    emissions[3 * L + labelOf('MISC', 'B')] = 9;
    emissions[4 * L + labelOf('MISC', 'L')] = 9;
    const sentences = [
      { start: 0, end: 5 },
      { start: 5, end: n },
    ];

    // Act
    const { fired, labels } = decodeAndRefine(words, sentences, emissions);

    // Assess
    expect(fired).toEqual([]);
    expect(labels[4]).toBe('L-MISC');
  });

  it('re-decodes only the sentence of a vetoed mention', () => {
    // Prepare: two sentences, a vetoed MISC subject in the second.
    const words = 'Kim Jong Un met Biegun . The Korea Peace Now said'.split(' ');
    const n = words.length;
    const emissions = new Float32Array(n * L);
    for (let i = 0; i < n; i++) emissions[i * L + OUTSIDE] = 1;
    emissions[0 * L + labelOf('PERSON', 'B')] = 4;
    emissions[1 * L + labelOf('PERSON', 'I')] = 4;
    emissions[2 * L + labelOf('PERSON', 'L')] = 4;
    emissions[4 * L + labelOf('PERSON', 'U')] = 4;
    for (const [i, part] of [
      [7, 'B'],
      [8, 'I'],
      [9, 'L'],
    ] as const) {
      emissions[i * L + labelOf('MISC', part)] = 4;
      emissions[i * L + labelOf('ORGANIZATION', part)] = 3;
    }
    const sentences = [
      { start: 0, end: 6 },
      { start: 6, end: n },
    ];

    // Act
    const { fired, before, labels } = decodeAndRefine(words, sentences, emissions);

    // Assess
    expect(fired).toEqual(['agent-subject']);
    expect(labels.slice(0, 6)).toEqual(before.slice(0, 6));
    expect(labels.slice(7, 10)).toEqual(['B-ORGANIZATION', 'I-ORGANIZATION', 'L-ORGANIZATION']);
  });
});
