import type { SentenceRange } from '../text/sentences';
import { mix, mix3 } from './hash';
import { LABEL_COUNT, OUTSIDE } from './labels';
import { CaseClass } from './word-shape';

/** The per-token word facts stacking needs (a subset of the feature extractor's word entries). */
export interface StackingWord {
  readonly lower: string;
  readonly cls: number;
}

// Template ids of second-stage features; never renumber (trained models depend on them).
const S_BIAS = 101;
const S_OWN = 102;
const S_PREV = 103;
const S_NEXT = 104;
const S_AROUND = 105;
const S_HISTORY = 106;
const S_MAJORITY = 107;
const S_MAJORITY_OWN = 108;
const S_NO_HISTORY = 109;

const NONE = 255;

function typeOf(label: number): number {
  return label === OUTSIDE ? 0 : 1 + ((label - 1) >> 2);
}

/**
 * Second-stage features from the first stage's labels: the token's own and neighbouring labels, and how the
 * first stage labelled the same word elsewhere in the document (every distinct label, and the majority
 * type). A name tagged PERSON in three sentences and ORGANIZATION in a fourth gets pulled back in line; a
 * surname alone inherits the type of the full name it was introduced with.
 */
export function stackedFeatures(
  words: readonly StackingWord[],
  sentences: readonly SentenceRange[],
  firstStage: Uint8Array,
): { keys: Uint32Array; offsets: Int32Array } {
  const n = words.length;
  const history = new Map<string, Int32Array>();
  for (let i = 0; i < n; i++) {
    const w = words[i] as StackingWord;
    if (w.cls === CaseClass.None || w.cls === CaseClass.Lower) continue;
    let counts = history.get(w.lower);
    if (counts === undefined) {
      counts = new Int32Array(LABEL_COUNT);
      history.set(w.lower, counts);
    }
    const y = firstStage[i] as number;
    counts[y] = (counts[y] as number) + 1;
  }
  const keys: number[] = [];
  const offsets = new Int32Array(n + 1);
  const typeCounts = new Int32Array(5);
  for (const s of sentences) {
    for (let i = s.start; i < s.end; i++) {
      offsets[i] = keys.length;
      const own = firstStage[i] as number;
      const prev = i > s.start ? (firstStage[i - 1] as number) : NONE;
      const next = i + 1 < s.end ? (firstStage[i + 1] as number) : NONE;
      keys.push(
        mix(S_BIAS, 0),
        mix(S_OWN, own),
        mix(S_PREV, prev),
        mix(S_NEXT, next),
        mix3(S_AROUND, prev, next),
      );
      const w = words[i] as StackingWord;
      const counts = history.get(w.lower);
      if (counts === undefined) continue;
      typeCounts.fill(0);
      let others = 0;
      for (let y = 0; y < LABEL_COUNT; y++) {
        const c = (counts[y] as number) - (y === own ? 1 : 0);
        if (c <= 0) continue;
        others += c;
        keys.push(mix(S_HISTORY, y));
        const t = typeOf(y);
        typeCounts[t] = (typeCounts[t] as number) + c;
      }
      if (others === 0) {
        keys.push(mix(S_NO_HISTORY, own));
        continue;
      }
      let majority = 0;
      for (let t = 1; t < 5; t++)
        if ((typeCounts[t] as number) > (typeCounts[majority] as number)) majority = t;
      keys.push(mix(S_MAJORITY, majority), mix3(S_MAJORITY_OWN, majority, own));
    }
  }
  offsets[n] = keys.length;
  return { keys: Uint32Array.from(keys), offsets };
}
