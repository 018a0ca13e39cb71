import fc from 'fast-check';
import {
  isValidEnd,
  isValidStart,
  isValidTransition,
  LABEL_COUNT,
  labelOf,
  OUTSIDE,
} from '../../../lambdas/core/entities/labels';
import { constrainTransitions, viterbi } from '../../../lambdas/core/entities/viterbi';

const L = LABEL_COUNT;

function decode(emissions: Float32Array, length: number, pairs = new Float32Array(L * L)): number[] {
  const transitions = constrainTransitions(pairs, new Float32Array(L), new Float32Array(L));
  const out = new Uint8Array(length);
  viterbi(emissions, 0, length, transitions, out, new Uint8Array(length * L));
  return Array.from(out);
}

function isWellFormed(labels: readonly number[]): boolean {
  if (labels.length === 0) return true;
  if (!isValidStart(labels[0] as number) || !isValidEnd(labels.at(-1) as number)) return false;
  for (let i = 1; i < labels.length; i++)
    if (!isValidTransition(labels[i - 1] as number, labels[i] as number)) return false;
  return true;
}

describe('constrained Viterbi', () => {
  it('never outputs an invalid BILOU sequence, whatever the scores', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.float32Array({ minLength: n * L, maxLength: n * L, noNaN: true, noDefaultInfinity: true }),
              fc.float32Array({ minLength: L * L, maxLength: L * L, noNaN: true, noDefaultInfinity: true }),
            ),
          ),
        ([n, emissions, pairs]) => {
          // Prepare / Act
          const labels = decode(emissions, n, pairs);

          // Assess
          expect(isWellFormed(labels)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it.each([
    ['a lone I becomes U', [{ 'I-PERSON': 5, 'U-PERSON': 1 }], ['U-PERSON']],
    ['an unclosed B gets its L', [{ 'B-ORGANIZATION': 5 }, { O: 1 }], ['B-ORGANIZATION', 'L-ORGANIZATION']],
    ['an L after O gets its B', [{ O: 2 }, { 'L-PERSON': 5 }, { O: 2 }], ['B-PERSON', 'L-PERSON', 'O']],
    [
      'types cannot change inside an entity',
      [{ 'B-PERSON': 4 }, { 'L-LOCATION': 4, 'L-PERSON': 1 }],
      ['B-PERSON', 'L-PERSON'],
    ],
  ])('%s', (_name, preferred, expected) => {
    // Prepare: per token, scores of the labels it prefers (others score 0), an invalid best sequence.
    const toLabel = (name: string): number => {
      if (name === 'O') return OUTSIDE;
      const [part, type] = name.split('-') as ['B' | 'I' | 'L' | 'U', 'PERSON' | 'ORGANIZATION' | 'LOCATION'];
      return labelOf(type, part);
    };
    const emissions = new Float32Array(preferred.length * L);
    preferred.forEach((scores, i) => {
      for (const [name, score] of Object.entries(scores)) emissions[i * L + toLabel(name)] = score as number;
    });

    // Act
    const labels = decode(emissions, preferred.length);

    // Assess
    expect(labels).toEqual(expected.map(toLabel));
  });

  it('decodes a slice of a larger buffer without touching the rest', () => {
    // Prepare
    const emissions = new Float32Array(3 * L);
    emissions[L + labelOf('MISC', 'U')] = 3;
    const out = new Uint8Array(1);

    // Act
    viterbi(
      emissions,
      L,
      1,
      constrainTransitions(new Float32Array(L * L), new Float32Array(L), new Float32Array(L)),
      out,
      new Uint8Array(L),
    );

    // Assess
    expect(out[0]).toBe(labelOf('MISC', 'U'));
  });
});
