import type { SentenceRange } from '../text/sentences';
import { KeyBuffer } from './features';
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

/**
 * Longest first-stage entity, in tokens, whose words get span-mate features. Each word of a span reads all
 * the others, so without a bound a long run of capitalised words tagged as one entity costs the square of
 * its length in time and memory; real names are far shorter (at most 10 tokens in CoNLL-2003).
 */
const MAX_SPAN_MATES = 16;

/** 0 for O, 1 + index into ENTITY_TYPES otherwise. */
function typeOf(label: number): number {
  return label === OUTSIDE ? 0 : 1 + ((label - 1) >> 2);
}

const L = LABEL_COUNT;
const KEY_BIAS = mix(S_BIAS, 0);
/** Keys that take one label as their value, precomputed per label (NONE included, for sentence edges). */
const KEY_OWN = labelKeys(S_OWN);
const KEY_PREV = labelKeys(S_PREV);
const KEY_NEXT = labelKeys(S_NEXT);
const KEY_HISTORY = labelKeys(S_HISTORY);
const KEY_NO_HISTORY = labelKeys(S_NO_HISTORY);
const KEY_MAJORITY = [0, 1, 2, 3, 4].map((t) => mix(S_MAJORITY, t));
const KEY_SPAN_MATE = [0, 1, 2, 3, 4].map((t) => mix(S_SPAN_MATE, t));

function labelKeys(template: number): Uint32Array {
  const keys = new Uint32Array(256);
  for (let y = 0; y < 256; y++) keys[y] = mix(template, y);
  return keys;
}

/**
 * Majority type (0..4) of a word's first-stage labels (`counts[at .. at + LABEL_COUNT)`) leaving out one
 * occurrence labelled `own`; -1: none.
 */
function majorityElsewhere(counts: Int32Array, at: number, own: number, types: Int32Array): number {
  types.fill(0);
  let any = false;
  for (let y = 0; y < L; y++) {
    const c = (counts[at + y] as number) - (y === own ? 1 : 0);
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

/** Second-stage feature keys of a document, laid out like {@link DocumentFeatures} keys. */
export interface StackedFeatures {
  readonly keys: Uint32Array;
  readonly offsets: Int32Array;
}

/**
 * Second-stage features from the first stage's labels: the token's own and neighbouring labels; how the first
 * stage labelled the same word elsewhere in the document (every distinct label, and the majority type); and,
 * inside a multi-word entity, the types its other words have elsewhere. A name tagged PERSON in three
 * sentences and ORGANIZATION in a fourth gets pulled back in line; "Kim" tagged PERSON alone pulls
 * "Kim Jong Un" towards PERSON even where "Un" alone looks like the UN. `buffer` (reused by a tagger) holds
 * the keys; the result views it.
 */
export function stackedFeatures(
  words: readonly StackingWord[],
  sentences: readonly SentenceRange[],
  firstStage: Uint8Array,
  buffer: KeyBuffer = new KeyBuffer(),
): StackedFeatures {
  const n = words.length;
  // Label counts per distinct capitalised word (by lower-case form): slot[i] * L indexes `counts`.
  const slotOfWord = new Map<string, number>();
  const slot = new Int32Array(n).fill(-1);
  let counts = new Int32Array(64 * L);
  for (let i = 0; i < n; i++) {
    const w = words[i] as StackingWord;
    if (w.cls === CaseClass.None || w.cls === CaseClass.Lower) continue;
    let at = slotOfWord.get(w.lower);
    if (at === undefined) {
      at = slotOfWord.size * L;
      slotOfWord.set(w.lower, at);
      if (at + L > counts.length) {
        const grown = new Int32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    slot[i] = at;
    const y = firstStage[i] as number;
    counts[at + y] = (counts[at + y] as number) + 1;
  }
  // Lower-case occurrences are not counted but still read the counts of their capitalised spelling.
  if (slotOfWord.size > 0) {
    for (let i = 0; i < n; i++) {
      if (slot[i] === -1) slot[i] = slotOfWord.get((words[i] as StackingWord).lower) ?? -1;
    }
  }
  const keys = buffer;
  keys.clear();
  const offsets = new Int32Array(n + 1);
  const types = new Int32Array(5);
  // Per token: majority type elsewhere of its own word (-2: not computed yet).
  const elsewhere = new Int32Array(n).fill(-2);
  const majorityOf = (i: number): number => {
    if (elsewhere[i] === -2) {
      const at = slot[i] as number;
      elsewhere[i] = at < 0 ? -1 : majorityElsewhere(counts, at, firstStage[i] as number, types);
    }
    return elsewhere[i] as number;
  };
  for (const s of sentences) {
    // The multi-word first-stage entity each token is in, if any: [spanStart, spanEnd).
    let spanStart = -1;
    let spanEnd = -1;
    for (let i = s.start; i < s.end; i++) {
      offsets[i] = keys.length;
      const own = firstStage[i] as number;
      const prev = i > s.start ? (firstStage[i - 1] as number) : NONE;
      const next = i + 1 < s.end ? (firstStage[i + 1] as number) : NONE;
      keys.push(KEY_BIAS);
      keys.push(KEY_OWN[own] as number);
      keys.push(KEY_PREV[prev] as number);
      keys.push(KEY_NEXT[next] as number);
      keys.push(mix3(S_AROUND, prev, next));
      if (i >= spanEnd) {
        spanStart = -1;
        // A B label opens a multi-word entity; well-formed labels close it with L in this sentence.
        if (own !== OUTSIDE && ((own - 1) & 3) === 0) {
          let j = i + 1;
          while (j < s.end && firstStage[j] === own + 1) j++;
          if (j < s.end && firstStage[j] === own + 2 && j - i < MAX_SPAN_MATES) {
            spanStart = i;
            spanEnd = j + 1;
          }
        }
      }
      if (spanStart >= 0) {
        for (let j = spanStart; j < spanEnd; j++) {
          if (j === i) continue;
          const t = majorityOf(j);
          if (t >= 0) keys.push(KEY_SPAN_MATE[t] as number);
        }
      }
      const at = slot[i] as number;
      if (at < 0) continue;
      let others = 0;
      for (let y = 0; y < L; y++) {
        const c = (counts[at + y] as number) - (y === own ? 1 : 0);
        if (c <= 0) continue;
        others += c;
        keys.push(KEY_HISTORY[y] as number);
      }
      if (others === 0) {
        keys.push(KEY_NO_HISTORY[own] as number);
        continue;
      }
      const majority = majorityOf(i);
      keys.push(KEY_MAJORITY[majority] as number);
      keys.push(mix3(S_MAJORITY_OWN, majority, own));
    }
  }
  offsets[n] = keys.length;
  return { keys: keys.data.subarray(0, keys.length), offsets };
}
