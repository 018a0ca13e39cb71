/**
 * What unlabeled news says about single words, compiled into the model at training time: per normalised word
 * (by hash), its cluster paths in two word-representation trees, how it is capitalised in news and a bucket of
 * the contexts news writes it in (companies' or places'). Stored as an open-addressing table of 32-bit hashes and 32-bit packed values, loaded with two array copies.
 */

/** Bits per tree level: the build splits every cluster into 8. */
export const CLUSTER_BRANCH_BITS = 3;
/** Levels of a cluster tree (8, 64, 512, 4,096 clusters). */
export const CLUSTER_LEVELS = 4;
const PATH_BITS = CLUSTER_BRANCH_BITS * CLUSTER_LEVELS;
const PATH_MASK = (1 << PATH_BITS) - 1;
const NEWS_SHIFT = 0;
const NEWS_FLAG = 1 << PATH_BITS;
const GLOVE_SHIFT = PATH_BITS + 1;
const GLOVE_FLAG = 1 << (2 * PATH_BITS + 1);
const CAPS_SHIFT = 2 * PATH_BITS + 2;
const CONTEXT_SHIFT = CAPS_SHIFT + 3;

/** A word's entry, unpacked. Paths are `undefined` when the tree does not hold the word. */
export interface WordRepresentation {
  readonly news: number | undefined;
  readonly glove: number | undefined;
  /** How often the word is capitalised mid-sentence in news, bucketed 1..7; 0 when too rare to say. */
  readonly caps: number;
  /**
   * How often news writes the capitalised word in one kind of context, bucketed 1..7 (0: too rare to say): next
   * to company words ("Uber's chief executive", "shares"), or, for the `place` feature group, after "in",
   * "from"… The model's `wordFeatures` say which.
   */
  readonly context: number;
}

/** Packs a word's representation into 32 bits (the table's value format). */
export function packWord(w: WordRepresentation): number {
  let v = ((w.caps & 7) << CAPS_SHIFT) | ((w.context & 7) << CONTEXT_SHIFT);
  if (w.news !== undefined) v |= NEWS_FLAG | ((w.news & PATH_MASK) << NEWS_SHIFT);
  if (w.glove !== undefined) v |= GLOVE_FLAG | ((w.glove & PATH_MASK) << GLOVE_SHIFT);
  return v >>> 0;
}

/** Unpacks a table value. */
export function unpackWord(v: number): WordRepresentation {
  return {
    news: v & NEWS_FLAG ? (v >>> NEWS_SHIFT) & PATH_MASK : undefined,
    glove: v & GLOVE_FLAG ? (v >>> GLOVE_SHIFT) & PATH_MASK : undefined,
    caps: (v >>> CAPS_SHIFT) & 7,
    context: (v >>> CONTEXT_SHIFT) & 7,
  };
}

/** The first `level` levels (1-based) of a packed path: the cluster at that granularity. */
export function clusterPrefix(path: number, level: number): number {
  return path >>> ((CLUSTER_LEVELS - level) * CLUSTER_BRANCH_BITS);
}

/** Open-addressing map from a word's hash to its packed representation. */
export class WordTable {
  private readonly mask: number;

  /** Wraps a built table; `slotKeys.length` is a power of two and `slotValues` 0 marks an empty slot. */
  public constructor(
    public readonly slotKeys: Uint32Array,
    public readonly slotValues: Uint32Array,
  ) {
    this.mask = slotKeys.length - 1;
  }

  /** Builds the table; `values` must be non-zero (a word with nothing known is simply left out). */
  public static build(hashes: Uint32Array, values: Uint32Array): WordTable {
    let size = 16;
    while (size < hashes.length * 2) size <<= 1;
    const keys = new Uint32Array(size);
    const vals = new Uint32Array(size);
    for (let i = 0; i < hashes.length; i++) {
      const h = (hashes[i] as number) >>> 0;
      if (values[i] === 0) continue;
      let slot = WordTable.slotOf(h, size - 1);
      while (vals[slot] !== 0 && keys[slot] !== h) slot = (slot + 1) & (size - 1);
      keys[slot] = h;
      vals[slot] = values[i] as number;
    }
    return new WordTable(keys, vals);
  }

  private static slotOf(hash: number, mask: number): number {
    return (hash ^ (hash >>> 15)) & mask;
  }

  /** The packed value of the word with this hash, 0 when absent. */
  public get(hash: number): number {
    const h = hash >>> 0;
    let slot = WordTable.slotOf(h, this.mask);
    for (;;) {
      const v = this.slotValues[slot] as number;
      if (v === 0 || this.slotKeys[slot] === h) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** A table with no words. */
export const EMPTY_WORD_TABLE = WordTable.build(new Uint32Array(0), new Uint32Array(0));
