import type { SentenceRange } from '../text/sentences';
import { LABEL_COUNT, labelOf } from './labels';
import { type TransitionScores, viterbi } from './viterbi';

/**
 * Verbs whose subject is someone who acts or speaks. Only verbs that cannot read as anything else after a
 * name are listed: "called" alone is not ("a group called X", "the match was called off"), "called for" is.
 */
const AGENT_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'urged',
  'urges',
  'warned',
  'warns',
  'demanded',
  'demands',
  'announced',
  'announces',
  'accused',
  'accuses',
  'condemned',
  'condemns',
  'appealed',
  'insisted',
  'told',
]);

/** Verbs that name an agent only with the particle that follows them. */
const AGENT_PHRASAL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['called', new Set(['for', 'on'])],
  ['calls', new Set(['for', 'on'])],
]);

const MISC_LABELS = ['B', 'I', 'L', 'U'].map((part) => labelOf('MISC', part as 'B' | 'I' | 'L' | 'U'));
const MISC_B = labelOf('MISC', 'B');
const MISC_L = labelOf('MISC', 'L');

/** Whether the tokens from `i` on (within a sentence ending at `end`) open with an agent verb. */
function agentVerbAt(words: readonly string[], i: number, end: number): boolean {
  if (i >= end) return false;
  const word = words[i] as string;
  if (AGENT_VERBS.has(word)) return true;
  const particles = AGENT_PHRASAL.get(word);
  return particles !== undefined && i + 1 < end && particles.has(words[i + 1] as string);
}

/**
 * A refiner run after decoding: a multi-word MISC mention (events, works, nationality groups, adjectives)
 * that is the subject of a verb of speaking or demanding ("The Korea Peace Now! called for …") is an
 * agent, which MISC never is in multi-word form (2 of 332 multi-word subjects of such verbs in eng.train,
 * both plural party members). Its sentence is decoded again with MISC forbidden on those tokens, so the
 * model itself picks the best other reading (organisation, person or place) and its boundaries.
 *
 * `emissions` and `labels` are the document's; both are updated in place. Returns how many mentions were
 * re-read.
 */
export function refineAgentMentions(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  emissions: Float32Array,
  transitions: TransitionScores,
  labels: Uint8Array,
  back: Uint8Array,
): number {
  let refined = 0;
  for (const s of sentences) {
    let changed = false;
    for (let i = s.start; i < s.end; i++) {
      if (labels[i] !== MISC_B) continue;
      let last = i + 1;
      while (last < s.end && labels[last] !== MISC_L) last++;
      if (last >= s.end || !agentVerbAt(words, last + 1, s.end)) continue;
      for (let t = i; t <= last; t++) {
        for (const y of MISC_LABELS) emissions[t * LABEL_COUNT + y] = Number.NEGATIVE_INFINITY;
      }
      changed = true;
      refined++;
      i = last;
    }
    if (changed) {
      viterbi(emissions, s.start * LABEL_COUNT, s.end - s.start, transitions, labels, back, s.start);
    }
  }
  return refined;
}
