import type { SentenceRange } from '../../text/sentences';
import { LABEL_COUNT, labelType, OUTSIDE } from '../labels';
import { ENTITY_TYPES } from '../types';
import { type TransitionScores, viterbi } from '../viterbi';
import type { MentionVeto } from './mention-veto';

/**
 * Runs `vetoes` over every decoded mention; a sentence with a vetoed mention is decoded again with the
 * vetoed type forbidden on the mention's tokens. `emissions` and `labels` are the document's, updated in
 * place. Returns the names of the vetoes that fired, in order (one per vetoed mention).
 */
export function redecodeVetoedMentions(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  emissions: Float32Array,
  transitions: TransitionScores,
  labels: Uint8Array,
  back: Uint8Array,
  vetoes: readonly MentionVeto[],
): string[] {
  const fired: string[] = [];
  for (const s of sentences) {
    let changed = false;
    let first = s.start;
    for (let i = s.start; i < s.end; i++) {
      const y = labels[i] as number;
      if (y === OUTSIDE) continue;
      const part = (y - 1) & 3;
      if (part === 0 || part === 3) first = i;
      if (part !== 2 && part !== 3) continue;
      const mention = { first, last: i, type: labelType(y) };
      const veto = vetoes.find((v) => v.vetoes(words, mention, s));
      if (veto === undefined) continue;
      // Labels 1 + 4t .. 4 + 4t are the B, I, L, U of type t.
      const base = 1 + 4 * ENTITY_TYPES.indexOf(mention.type);
      for (let t = first; t <= i; t++) {
        for (let k = 0; k < 4; k++) emissions[t * LABEL_COUNT + base + k] = Number.NEGATIVE_INFINITY;
      }
      if (veto.lastWordOutside === true) {
        for (let y = 1; y < LABEL_COUNT; y++) emissions[i * LABEL_COUNT + y] = Number.NEGATIVE_INFINITY;
      }
      fired.push(veto.name);
      changed = true;
    }
    if (changed)
      viterbi(emissions, s.start * LABEL_COUNT, s.end - s.start, transitions, labels, back, s.start);
  }
  return fired;
}
