import { refineAgentMentions } from '../../../lambdas/core/entities/agent-refiner';
import { LABEL_COUNT, labelName, labelOf, OUTSIDE } from '../../../lambdas/core/entities/labels';
import type { EntityType } from '../../../lambdas/core/entities/types';
import { constrainTransitions, viterbi } from '../../../lambdas/core/entities/viterbi';

const L = LABEL_COUNT;
const TRANSITIONS = constrainTransitions(new Float32Array(L * L), new Float32Array(L), new Float32Array(L));

/**
 * Emissions of one sentence where the words `name` (from `at`) score highest as a MISC mention and next as
 * `runnerUp`, and every other word as O; decoded, then refined.
 */
function tagAndRefine(words: string[], at: number, length: number, runnerUp: EntityType) {
  const n = words.length;
  const emissions = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const inName = i >= at && i < at + length;
    if (!inName) {
      emissions[i * L + OUTSIDE] = 5;
      continue;
    }
    const part = length === 1 ? 'U' : i === at ? 'B' : i === at + length - 1 ? 'L' : 'I';
    emissions[i * L + labelOf('MISC', part)] = 3;
    emissions[i * L + labelOf(runnerUp, part)] = 2;
  }
  const labels = new Uint8Array(n);
  const back = new Uint8Array(n * L);
  const sentences = [{ start: 0, end: n }];
  viterbi(emissions, 0, n, TRANSITIONS, labels, back);
  const refined = refineAgentMentions(words, sentences, emissions, TRANSITIONS, labels, back);
  return { refined, labels: Array.from(labels, labelName) };
}

describe('refineAgentMentions', () => {
  it.each([
    ['said', 'The Korea Peace Now ! said on Friday'],
    ['called for', 'The Korea Peace Now ! called for talks'],
    ['calls on', 'The Korea Peace Now ! calls on Seoul'],
    ['urged', 'The Korea Peace Now ! urged restraint'],
  ])('re-reads a multi-word MISC subject of "%s" as the next-best type', (_verb, sentence) => {
    // Prepare
    const words = sentence.split(' ');

    // Act
    const { refined, labels } = tagAndRefine(words, 1, 4, 'ORGANIZATION');

    // Assess
    expect(refined).toBe(1);
    expect(labels.slice(1, 5)).toEqual([
      'B-ORGANIZATION',
      'I-ORGANIZATION',
      'I-ORGANIZATION',
      'L-ORGANIZATION',
    ]);
  });

  it('lets the model choose among the other types (a person here)', () => {
    // Prepare
    const words = 'Aung San said on Friday'.split(' ');

    // Act
    const { labels } = tagAndRefine(words, 0, 2, 'PERSON');

    // Assess
    expect(labels.slice(0, 2)).toEqual(['B-PERSON', 'L-PERSON']);
  });

  it.each([
    ['a single word (nationality groups speak in CoNLL)', 'The Iraqis said on Friday', 1, 1],
    ['a verb that also names things', 'A group called Korea Peace Now', 3, 3],
    ['"called off"', 'The World Cup called off play', 1, 2],
    ['a verb of no agent', 'The World Cup ended on Friday', 1, 2],
    ['the verb not right after the mention', 'The World Cup , officials said', 1, 2],
    ['a mention that ends the sentence', 'He watched the World Cup', 3, 2],
  ])('leaves MISC alone for %s', (_case, sentence, at, length) => {
    // Prepare
    const words = sentence.split(' ');

    // Act
    const { refined, labels } = tagAndRefine(words, at, length, 'ORGANIZATION');

    // Assess
    expect(refined).toBe(0);
    expect(labels[at]).toMatch(/-MISC$/);
  });

  it('does not look for the verb across a sentence boundary', () => {
    // Prepare
    const words = 'They watched the World Cup said nothing'.split(' ');
    const n = words.length;
    const emissions = new Float32Array(n * L);
    for (let i = 0; i < n; i++) emissions[i * L + OUTSIDE] = 5;
    emissions[3 * L + labelOf('MISC', 'B')] = 9;
    emissions[4 * L + labelOf('MISC', 'L')] = 9;
    const labels = new Uint8Array(n);
    const back = new Uint8Array(n * L);
    const sentences = [
      { start: 0, end: 5 },
      { start: 5, end: n },
    ];
    for (const s of sentences)
      viterbi(emissions, s.start * L, s.end - s.start, TRANSITIONS, labels, back, s.start);

    // Act
    const refined = refineAgentMentions(words, sentences, emissions, TRANSITIONS, labels, back);

    // Assess
    expect(refined).toBe(0);
    expect(labelName(labels[4] as number)).toBe('L-MISC');
  });
});
