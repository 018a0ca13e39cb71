import { LABEL_COUNT, labelName, labelOf, OUTSIDE } from '../../../../lambdas/core/entities/labels';
import {
  type OpeningWord,
  redecodeOpeningNames,
} from '../../../../lambdas/core/entities/refiners/opening-name';
import { constrainTransitions, viterbi } from '../../../../lambdas/core/entities/viterbi';
import { CaseClass, caseClass, normalizeWord } from '../../../../lambdas/core/entities/word-shape';
import { packWord } from '../../../../lambdas/core/entities/word-table';

const L = LABEL_COUNT;
const TRANSITIONS = constrainTransitions(new Float32Array(L * L), new Float32Array(L), new Float32Array(L));

/**
 * One sentence where every word scores highest as O and next as a one-word organisation; `caps` is how often
 * news capitalises each word (word-table bucket, 0 = unknown). Decoded, then refined.
 */
function tagAndRefine(sentence: string, caps: Readonly<Record<string, number>>) {
  const tokens = sentence.split(' ');
  const words: OpeningWord[] = tokens.map((t) => ({
    lower: normalizeWord(t),
    cls: caseClass(t),
    rep: packWord({ news: undefined, glove: undefined, caps: caps[t] ?? 0, company: 0, place: 0, person: 0 }),
  }));
  const n = tokens.length;
  const emissions = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    emissions[i * L + OUTSIDE] = 3;
    emissions[i * L + labelOf('ORGANIZATION', 'U')] = 2;
  }
  const labels = new Uint8Array(n);
  const back = new Uint8Array(n * L);
  viterbi(emissions, 0, n, TRANSITIONS, labels, back, 0);
  const redecoded = redecodeOpeningNames(words, [{ start: 0, end: n }], emissions, TRANSITIONS, labels, back);
  return { redecoded, labels: Array.from(labels, labelName) };
}

describe('redecodeOpeningNames', () => {
  it.each<[string, string, Record<string, number>]>([
    ['always capitalised in news', 'Uber reported a profit', { Uber: 6 }],
    ['after an opening quote', '" Zoom said so', { Zoom: 7 }],
  ])('keeps a sentence-opening word %s out of O', (_case, sentence, caps) => {
    // Act
    const { redecoded, labels } = tagAndRefine(sentence, caps);

    // Assess: the opening word takes the model's next-best reading; the rest stay O.
    const at = sentence.startsWith('"') ? 1 : 0;
    expect(redecoded).toBe(1);
    expect(labels[at]).toBe('U-ORGANIZATION');
    expect(labels.filter((y) => y !== 'O')).toHaveLength(1);
  });

  it.each<[string, string, Record<string, number>]>([
    ['news capitalises it in under 90% of its uses', 'Over the weekend prices fell', { Over: 5 }],
    ['a weekday', 'Tuesday was quiet', { Tuesday: 7 }],
    ['a month', 'March was cold', { March: 7 }],
    ['followed by a capitalised word', 'Uber Eats grew', { Uber: 6 }],
    ['in capitals', 'UBER reported a profit', { UBER: 6 }],
    ['alone in its sentence', 'Uber', { Uber: 6 }],
    ['unknown to news', 'Fooblix said so', {}],
  ])('leaves alone an opening word %s', (_case, sentence, caps) => {
    // Act
    const { redecoded, labels } = tagAndRefine(sentence, caps);

    // Assess
    expect(redecoded).toBe(0);
    expect(labels.every((y) => y === 'O')).toBe(true);
  });

  it('leaves alone an opening word the model already tagged', () => {
    // Prepare: an opening word whose best reading is already a name.
    const words: OpeningWord[] = ['Uber', 'said'].map((t) => ({
      lower: t.toLowerCase(),
      cls: t === 'Uber' ? CaseClass.Title : CaseClass.Lower,
      rep: packWord({ news: undefined, glove: undefined, caps: 7, company: 0, place: 0, person: 0 }),
    }));
    const emissions = new Float32Array(2 * L);
    emissions[labelOf('LOCATION', 'U')] = 4;
    emissions[L + OUTSIDE] = 4;
    const labels = new Uint8Array(2);
    const back = new Uint8Array(2 * L);
    viterbi(emissions, 0, 2, TRANSITIONS, labels, back, 0);

    // Act
    const redecoded = redecodeOpeningNames(
      words,
      [{ start: 0, end: 2 }],
      emissions,
      TRANSITIONS,
      labels,
      back,
    );

    // Assess
    expect(redecoded).toBe(0);
    expect(Array.from(labels, labelName)).toEqual(['U-LOCATION', 'O']);
  });
});
