import { type SentenceRange, splitSentences } from '../text/sentences';
import { type Token, tokenize } from '../text/tokenize';
import { FeatureTable } from './feature-table';
import { extractFeatures } from './features';
import { LABEL_COUNT, labelsToSpans } from './labels';
import type { NerModel } from './model-format';
import type { EntitySpan, EntityTagger } from './types';
import { constrainTransitions, type TransitionScores, viterbi } from './viterbi';

/** A text cut into tokens and sentences, ready for feature extraction. */
export interface PreparedText {
  readonly tokens: readonly Token[];
  readonly words: readonly string[];
  readonly sentences: readonly SentenceRange[];
}

/** Tokenizes and sentence-splits a text the same way for training and tagging. */
export function prepareText(text: string): PreparedText {
  const tokens = tokenize(text);
  return { tokens, words: tokens.map((t) => t.text), sentences: splitSentences(text, tokens) };
}

/**
 * The trained tagger: hashed features scored by an averaged structured perceptron, decoded per sentence with
 * BILOU-constrained Viterbi. Building it indexes the model once; `tag` allocates only per-document buffers.
 */
export function createPerceptronTagger(model: NerModel): EntityTagger {
  const table = new FeatureTable(model.keys);
  const transitions = constrainTransitions(model.transitions, model.startWeights, model.endWeights);
  const weights = model.weights;
  return {
    version: model.version,
    tag(text: string): EntitySpan[] {
      const prepared = prepareText(text);
      const labels = decodeLabels(prepared, (key) => table.get(key), weights, transitions, model);
      const spans: EntitySpan[] = [];
      for (const s of prepared.sentences) {
        for (const span of labelsToSpans(labels.subarray(s.start, s.end))) {
          const start = (prepared.tokens[s.start + span.start] as Token).start;
          const end = (prepared.tokens[s.start + span.end - 1] as Token).end;
          spans.push({ text: text.slice(start, end), type: span.type, start, end });
        }
      }
      return spans;
    },
  };
}

/**
 * Best label of every token of a prepared text. `rowOf` maps a feature key to its weight row (-1: unknown),
 * so training can decode with its own growing feature index.
 */
export function decodeLabels(
  prepared: PreparedText,
  rowOf: (key: number) => number,
  weights: Float32Array | Float64Array,
  transitions: TransitionScores,
  model: Pick<NerModel, 'lexicon'>,
): Uint8Array {
  const L = LABEL_COUNT;
  const n = prepared.words.length;
  const { keys, offsets } = extractFeatures(prepared.words, prepared.sentences, model.lexicon);
  const emissions = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const base = i * L;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      const row = rowOf(keys[k] as number);
      if (row < 0) continue;
      const w = row * L;
      for (let y = 0; y < L; y++)
        emissions[base + y] = (emissions[base + y] as number) + (weights[w + y] as number);
    }
  }
  const labels = new Uint8Array(n);
  const back = new Uint8Array(n * L);
  for (const s of prepared.sentences) {
    viterbi(emissions, s.start * L, s.end - s.start, transitions, labels.subarray(s.start, s.end), back);
  }
  return labels;
}
