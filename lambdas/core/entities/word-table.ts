/**
 * What unlabeled news says about single words, compiled into the model at training time: per normalised word
 * (by hash), its cluster path in one of two word-representation trees, how it is capitalised in news and how
 * often news writes it in company, place and person contexts. Stored as an open-addressing table of 32-bit
 * hashes and 32-bit packed values, loaded with two array copies.
 */

/** Bits per tree level: the build splits every cluster into 8. */
export const CLUSTER_BRANCH_BITS = 3;
/** Levels of a cluster tree (8, 64, 512, 4,096 clusters). */
export const CLUSTER_LEVELS = 4;
/**
 * Capitalisation bucket from which a word reads as a name (70% of its mid-sentence uses): such a word is
 * described by its news cluster, any other word by its GloVe cluster, so the table stores only that one path.
 */
export const NAME_LIKE_CAPS = 5;
const PATH_BITS = CLUSTER_BRANCH_BITS * CLUSTER_LEVELS;
const PATH_MASK = (1 << PATH_BITS) - 1;
const PATH_FLAG = 1 << PATH_BITS;
const CAPS_SHIFT = PATH_BITS + 1;
const COMPANY_SHIFT = CAPS_SHIFT + 3;
const PLACE_SHIFT = COMPANY_SHIFT + 3;
const PERSON_SHIFT = PLACE_SHIFT + 3;

/** A word's entry, unpacked. Paths are `undefined` when the tree does not hold the word. */
export interface WordRepresentation {
  readonly news: number | undefined;
  readonly glove: number | undefined;
  /** How often the word is capitalised mid-sentence in news, bucketed 1..7; 0 when too rare to say. */
  readonly caps: number;
  /**
   * How often news writes the capitalised word next to company words ("Uber's chief executive", "shares"),
   * bucketed 1..7 (0: too rare to say).
   */
  readonly company: number;
  /** How often news writes the capitalised word right after a preposition of place ("in", "from"…), 1..7. */
  readonly place: number;
  /**
   * How often news writes the capitalised word right after a title of office or an honorific ("President Xi"),
   * 1..7 (0: too rare to say; also in a table built before this share was counted).
   */
  readonly person: number;
}

/**
 * Packs a word's representation into 32 bits (the table's value format). Only the cluster path the features
 * read is kept: the news path of a name-like word (`caps` at least {@link NAME_LIKE_CAPS}), else the GloVe
 * path; the 13 bits this frees hold the company, place and person buckets (the top 7 bits are left free).
 */
export function packWord(w: WordRepresentation): number {
  let v =
    ((w.caps & 7) << CAPS_SHIFT) |
    ((w.company & 7) << COMPANY_SHIFT) |
    ((w.place & 7) << PLACE_SHIFT) |
    ((w.person & 7) << PERSON_SHIFT);
  const path = w.caps >= NAME_LIKE_CAPS ? w.news : w.glove;
  if (path !== undefined) v |= PATH_FLAG | (path & PATH_MASK);
  return v >>> 0;
}

/** Unpacks a table value: the path is `news` for a name-like word, `glove` for any other. */
export function unpackWord(v: number): WordRepresentation {
  const caps = (v >>> CAPS_SHIFT) & 7;
  const path = v & PATH_FLAG ? v & PATH_MASK : undefined;
  const nameLike = caps >= NAME_LIKE_CAPS;
  return {
    news: nameLike ? path : undefined,
    glove: nameLike ? undefined : path,
    caps,
    company: (v >>> COMPANY_SHIFT) & 7,
    place: (v >>> PLACE_SHIFT) & 7,
    person: (v >>> PERSON_SHIFT) & 7,
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
