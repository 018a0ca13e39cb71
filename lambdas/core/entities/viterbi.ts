import { isValidEnd, isValidStart, isValidTransition, LABEL_COUNT } from './labels';

/**
 * Transition scores with the BILOU grammar baked in: forbidden moves score -Infinity, so the best path is
 * always a well-formed label sequence whatever the learned weights say.
 */
export interface TransitionScores {
  /** `LABEL_COUNT × LABEL_COUNT`, row = previous label. */
  readonly pairs: Float32Array;
  /**
   * Allowed predecessors of each label: `predecessors[predStart[y] .. predStart[y + 1])`. Most pairs are
   * forbidden (an I or L can only follow B or I of its own type), so the decoder visits only these.
   */
  readonly predecessors: Uint8Array;
  readonly predStart: Uint8Array;
  /** `pairs[predecessors[k] × LABEL_COUNT + y]` for each k, laid out like `predecessors` (read in sequence). */
  readonly predScores: Float64Array;
  /** Score of starting a sentence with each label. */
  readonly start: Float32Array;
  /** Score of ending a sentence with each label. */
  readonly end: Float32Array;
}

/** Applies the BILOU constraints to learned transition weights (copies; the inputs are not modified). */
export function constrainTransitions(
  pairs: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
): TransitionScores {
  const L = LABEL_COUNT;
  const preds: number[] = [];
  const predStart = new Uint8Array(L + 1);
  for (let n = 0; n < L; n++) {
    predStart[n] = preds.length;
    for (let p = 0; p < L; p++) if (isValidTransition(p, n)) preds.push(p);
  }
  predStart[L] = preds.length;
  const out: TransitionScores = {
    pairs: new Float32Array(L * L),
    predecessors: Uint8Array.from(preds),
    predStart,
    predScores: new Float64Array(preds.length),
    start: new Float32Array(L),
    end: new Float32Array(L),
  };
  for (let p = 0; p < L; p++) {
    out.start[p] = isValidStart(p) ? (start[p] ?? 0) : Number.NEGATIVE_INFINITY;
    out.end[p] = isValidEnd(p) ? (end[p] ?? 0) : Number.NEGATIVE_INFINITY;
    for (let n = 0; n < L; n++) {
      out.pairs[p * L + n] = isValidTransition(p, n) ? (pairs[p * L + n] ?? 0) : Number.NEGATIVE_INFINITY;
    }
  }
  for (let n = 0; n < L; n++) {
    for (let k = predStart[n] as number; k < (predStart[n + 1] as number); k++) {
      out.predScores[k] = out.pairs[(preds[k] as number) * L + n] as number;
    }
  }
  return out;
}

const SCRATCH_A = new Float64Array(LABEL_COUNT);
const SCRATCH_B = new Float64Array(LABEL_COUNT);

/**
 * First-order Viterbi over `length` tokens. `emissions` holds `length × LABEL_COUNT` scores starting at
 * `offset`; the best labels are written to `out[outOffset .. outOffset + length)`. `back` is scratch space of
 * at least `length × LABEL_COUNT` entries, passed in so hot loops allocate nothing (nor does `outOffset`
 * need a per-sentence view of a document's label array).
 */
export function viterbi(
  emissions: Float32Array,
  offset: number,
  length: number,
  transitions: TransitionScores,
  out: Uint8Array,
  back: Uint8Array,
  outOffset = 0,
): void {
  if (length === 0) return;
  const L = LABEL_COUNT;
  const { start, end, predecessors, predStart, predScores } = transitions;
  // Shared scratch: decoding is synchronous, and a sentence-sized allocation per call was measurable.
  let prev = SCRATCH_A;
  let cur = SCRATCH_B;
  for (let y = 0; y < L; y++) prev[y] = (start[y] as number) + (emissions[offset + y] as number);
  for (let i = 1; i < length; i++) {
    const base = offset + i * L;
    for (let y = 0; y < L; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      const last = predStart[y + 1] as number;
      for (let k = predStart[y] as number; k < last; k++) {
        const p = predecessors[k] as number;
        const s = (prev[p] as number) + (predScores[k] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[y] = best + (emissions[base + y] as number);
      back[i * L + y] = arg;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = (prev[y] as number) + (end[y] as number);
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[outOffset + length - 1] = arg;
  for (let i = length - 1; i > 0; i--) {
    arg = back[i * L + arg] as number;
    out[outOffset + i - 1] = arg;
  }
}
