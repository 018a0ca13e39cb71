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
const S_SPAN_MATE = 110;

const NONE = 255;

/** 0 for O, 1 + index into ENTITY_TYPES otherwise. */
function typeOf(label: number): number {
  return label === OUTSIDE ? 0 : 1 + ((label - 1) >> 2);
}

/** Majority type (0..4) of a word's first-stage labels leaving out one occurrence labelled `own`; -1: none. */
function majorityElsewhere(counts: Int32Array, own: number, types: Int32Array): number {
  types.fill(0);
  let any = false;
  for (let y = 0; y < LABEL_COUNT; y++) {
    const c = (counts[y] as number) - (y === own ? 1 : 0);
    if (c <= 0) continue;
    any = true;
    const t = typeOf(y);
    types[t] = (types[t] as number) + c;
  }
  if (!any) return -1;
  let majority = 0;
  for (let t = 1; t < 5; t++) if ((types[t] as number) > (types[majority] as number)) majority = t;
  return majority;
}

/** First-stage entity spans of one sentence as `[start, end)` token ranges (labels are well formed). */
function entityRanges(s: SentenceRange, labels: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = s.start; i < s.end; i++) {
    const y = labels[i] as number;
    if (y === OUTSIDE) continue;
    const part = (y - 1) & 3;
    if (part === 0) open = i;
    else if (part === 3) out.push([i, i + 1]);
    else if (part === 2 && open >= 0) {
      out.push([open, i + 1]);
      open = -1;
    }
  }
  return out;
}

/**
 * Second-stage features from the first stage's labels: the token's own and neighbouring labels; how the first
 * stage labelled the same word elsewhere in the document (every distinct label, and the majority type); and,
 * inside a multi-word entity, the types its other words have elsewhere. A name tagged PERSON in three
 * sentences and ORGANIZATION in a fourth gets pulled back in line; "Kim" tagged PERSON alone pulls
 * "Kim Jong Un" towards PERSON even where "Un" alone looks like the UN.
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
  const types = new Int32Array(5);
  // Per token: majority type elsewhere of its own word (-2: not computed yet).
  const elsewhere = new Int32Array(n).fill(-2);
  const majorityOf = (i: number): number => {
    if (elsewhere[i] === -2) {
      const counts = history.get((words[i] as StackingWord).lower);
      elsewhere[i] = counts === undefined ? -1 : majorityElsewhere(counts, firstStage[i] as number, types);
    }
    return elsewhere[i] as number;
  };
  for (const s of sentences) {
    const mates: (number[] | undefined)[] = [];
    for (const [a, b] of entityRanges(s, firstStage)) {
      if (b - a < 2) continue;
      for (let i = a; i < b; i++) {
        for (let j = a; j < b; j++) {
          const t = j === i ? -1 : majorityOf(j);
          if (t < 0) continue;
          let list = mates[i - s.start];
          if (list === undefined) {
            list = [];
            mates[i - s.start] = list;
          }
          list.push(mix(S_SPAN_MATE, t));
        }
      }
    }
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
      for (const key of mates[i - s.start] ?? []) keys.push(key);
      const counts = history.get((words[i] as StackingWord).lower);
      if (counts === undefined) continue;
      let others = 0;
      for (let y = 0; y < LABEL_COUNT; y++) {
        const c = (counts[y] as number) - (y === own ? 1 : 0);
        if (c <= 0) continue;
        others += c;
        keys.push(mix(S_HISTORY, y));
      }
      if (others === 0) {
        keys.push(mix(S_NO_HISTORY, own));
        continue;
      }
      const majority = majorityOf(i);
      keys.push(mix(S_MAJORITY, majority), mix3(S_MAJORITY_OWN, majority, own));
    }
  }
  offsets[n] = keys.length;
  return { keys: Uint32Array.from(keys), offsets };
}
