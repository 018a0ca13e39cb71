import { hashString } from '../../../lambdas/core/entities/hash';
import { LABEL_COUNT } from '../../../lambdas/core/entities/labels';
import { PhraseTable } from '../../../lambdas/core/entities/lexicon';
import {
  decodeModel,
  encodeModel,
  type LoadedModel,
  type NerModel,
} from '../../../lambdas/core/entities/model-format';
import { packWord, unpackWord, WordTable } from '../../../lambdas/core/entities/word-table';
import { ModelFormatError } from '../../../lambdas/core/errors';

const L = LABEL_COUNT;

function tinyModel(): NerModel {
  const weights = new Float32Array(3 * L);
  weights[0 * L + 1] = 2.5;
  weights[1 * L + 4] = -1.25;
  weights[2 * L + 16] = 0.5;
  const stage = {
    keys: Uint32Array.from([4_000_000_000, 7, 123_456]),
    weights,
    transitions: new Float32Array(L * L).fill(0.25),
    startWeights: new Float32Array(L).fill(-1),
    endWeights: new Float32Array(L).fill(1),
  };
  return {
    version: 'test-1',
    stages: [stage, { ...stage, keys: Uint32Array.from([1, 2, 3]) }],
    lexicon: {
      phrases: PhraseTable.build(
        Uint32Array.from([PhraseTable.hashTokens(['New', 'York']), PhraseTable.hashTokens(['Kim'])]),
        Uint16Array.from([2, 1 << 13]),
      ),
      maxPhraseTokens: 2,
      categories: ['country', 'city'],
      words: WordTable.build(
        Uint32Array.from([hashString('tiktok'), hashString('said')]),
        Uint32Array.from([
          packWord({ news: 0o7012, glove: undefined, caps: 7, company: 3, place: 5, person: 6 }),
          packWord({ news: 0o3111, glove: 0o4444, caps: 1, company: 7, place: 0, person: 0 }),
        ]),
      ),
      wordFeatures: ['news', 'caps'],
    },
  };
}

function weightOf(model: LoadedModel, stage: number, key: number, label: number): number {
  const s = model.stages[stage];
  const row = s ? Array.from(s.keys).indexOf(key) : -1;
  if (row < 0 || !s) return Number.NaN;
  for (let j = s.rowStart[row] as number; j < (s.rowStart[row + 1] as number); j++) {
    if (s.labels[j] === label) return s.values[j] as number;
  }
  return 0;
}

describe('entity model format', () => {
  it('round-trips weights, transitions and word lists', () => {
    // Prepare
    const model = tinyModel();

    // Act
    const decoded = decodeModel(encodeModel(model));

    // Assess
    expect(decoded.version).toBe('test-1');
    expect(decoded.stages).toHaveLength(2);
    expect(weightOf(decoded, 0, 4_000_000_000, 1)).toBeCloseTo(2.5, 3);
    expect(weightOf(decoded, 0, 7, 4)).toBeCloseTo(-1.25, 3);
    expect(weightOf(decoded, 1, 3, 16)).toBeCloseTo(0.5, 3);
    expect(Array.from(decoded.stages[0]?.transitions ?? [])).toEqual(
      Array.from(model.stages[0]?.transitions ?? []),
    );
    expect(decoded.lexicon.phrases.get(PhraseTable.hashTokens(['new', 'YORK']))).toBe(2);
    expect(decoded.lexicon.phrases.get(PhraseTable.hashTokens(['Kim']))).toBe(1 << 13);
    expect(decoded.lexicon.phrases.get(PhraseTable.hashTokens(['Seoul']))).toBe(0);
    expect(decoded.lexicon.maxPhraseTokens).toBe(2);
    expect(unpackWord(decoded.lexicon.words.get(hashString('tiktok')))).toEqual({
      news: 0o7012,
      glove: undefined,
      caps: 7,
      company: 3,
      place: 5,
      person: 6,
    });
    expect(unpackWord(decoded.lexicon.words.get(hashString('said'))).glove).toBe(0o4444);
    expect(decoded.lexicon.words.get(hashString('seoul'))).toBe(0);
    expect(decoded.lexicon.wordFeatures).toEqual(['news', 'caps']);
  });

  it.each([
    ['a Node Buffer', (b: Uint8Array) => Buffer.from(b)],
    [
      'an unaligned view into a larger buffer',
      (b: Uint8Array) => {
        const big = new Uint8Array(b.length + 3);
        big.set(b, 3);
        return big.subarray(3);
      },
    ],
  ])('decodes from %s', (_name, wrap) => {
    // Prepare
    const bytes = wrap(encodeModel(tinyModel()));

    // Act
    const decoded = decodeModel(bytes);

    // Assess
    expect(decoded.lexicon.phrases.size).toBe(2);
    expect(decoded.lexicon.phrases.get(PhraseTable.hashTokens(['Kim']))).toBe(1 << 13);
  });

  it('drops rows whose weights are all zero', () => {
    // Prepare
    const model = tinyModel();
    const stage = model.stages[0]!;
    const sparse = {
      ...model,
      stages: [
        {
          ...stage,
          keys: Uint32Array.from([...stage.keys, 99]),
          weights: Float32Array.from([...stage.weights, ...new Float32Array(L)]),
        },
      ],
    };

    // Act
    const decoded = decodeModel(encodeModel(sparse));

    // Assess
    expect(Array.from(decoded.stages[0]?.keys ?? []).sort((a, b) => a - b)).toEqual([
      7, 123_456, 4_000_000_000,
    ]);
  });

  it.each([
    ['empty input', () => new Uint8Array(0)],
    ['wrong magic', () => new TextEncoder().encode('NOTAMODEL-AT-ALL')],
    ['truncated model', () => encodeModel(tinyModel()).slice(0, 80)],
    ['trailing bytes', () => Uint8Array.from([...encodeModel(tinyModel()), 0])],
    [
      'unknown format version',
      () => {
        const bytes = encodeModel(tinyModel());
        bytes[5] = 99;
        return bytes;
      },
    ],
  ])('rejects %s with ModelFormatError', (_name, bytes) => {
    // Prepare
    const input = bytes();

    // Act / Assess
    expect(() => decodeModel(input)).toThrow(ModelFormatError);
  });
});
