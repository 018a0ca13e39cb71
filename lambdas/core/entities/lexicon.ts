import { hashString, mix } from './hash';
import { normalizeWord } from './word-shape';
import { EMPTY_WORD_TABLE, type WordTable } from './word-table';

/**
 * Gazetteer phrases compiled into the model at training time: an open-addressing table of 32-bit hashes of
 * their normalised tokens, each with a bit set of categories (0 marks an empty slot). Hashes instead of
 * strings keep the model small, and the table is stored as built, so loading it is two array copies.
 */
export class PhraseTable {
  private readonly mask: number;

  /** Wraps a built table (see {@link PhraseTable.build}); `slotKeys.length` is a power of two. */
  public constructor(
    public readonly slotKeys: Uint32Array,
    public readonly slotMasks: Uint16Array,
  ) {
    this.mask = slotKeys.length - 1;
  }

  /** Builds the table for phrase `hashes` with category bits `masks` (non-zero). */
  public static build(hashes: Uint32Array, masks: Uint16Array): PhraseTable {
    let size = 16;
    while (size < hashes.length * 2) size <<= 1;
    const keys = new Uint32Array(size);
    const cats = new Uint16Array(size);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i] as number;
      let slot = PhraseTable.slotOf(h, size - 1);
      while (cats[slot] !== 0 && keys[slot] !== h) slot = (slot + 1) & (size - 1);
      keys[slot] = h;
      cats[slot] = (cats[slot] as number) | (masks[i] as number);
    }
    return new PhraseTable(keys, cats);
  }

  private static slotOf(hash: number, mask: number): number {
    return (hash ^ (hash >>> 15)) & mask;
  }

  private count = -1;

  /** Number of phrases (counted on first use: for reports, not for the tagging loop). */
  public get size(): number {
    if (this.count < 0) {
      let n = 0;
      for (const m of this.slotMasks) if (m !== 0) n++;
      this.count = n;
    }
    return this.count;
  }

  /** Category bits of the phrase with this hash, 0 when absent. */
  public get(hash: number): number {
    const h = hash >>> 0;
    let slot = PhraseTable.slotOf(h, this.mask);
    for (;;) {
      const m = this.slotMasks[slot] as number;
      if (m === 0 || this.slotKeys[slot] === h) return m;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Hash of a phrase from the hashes of its normalised tokens, extended one token at a time. */
  public static extend(hash: number | undefined, tokenHash: number): number {
    return hash === undefined ? tokenHash >>> 0 : mix(hash, tokenHash);
  }

  /** Hash of a phrase given as tokens (normalised here as the tagger normalises words). */
  public static hashTokens(tokens: readonly string[]): number {
    let h: number | undefined;
    for (const t of tokens) h = PhraseTable.extend(h, hashString(normalizeWord(t)));
    return h ?? 0;
  }
}

/** Word lists compiled into the model: gazetteers whose features generalise to names unseen in training. */
export interface FeatureLexicon {
  readonly phrases: PhraseTable;
  /** Longest phrase, in tokens. */
  readonly maxPhraseTokens: number;
  /** Names of the gazetteer categories, bit i ↔ categories[i]. */
  readonly categories: readonly string[];
  /** Word representations learned from unlabeled news (clusters, capitalisation). */
  readonly words: WordTable;
  /** Which of the word table's feature groups the model was trained with. */
  readonly wordFeatures: readonly WordFeatureGroup[];
}

/**
 * Feature groups read from the word table: news clusters, GloVe clusters, capitalisation in news, and the
 * share of a word's capitalised uses in company contexts (`company`) and after prepositions of place (`place`).
 */
export type WordFeatureGroup = 'news' | 'glove' | 'caps' | 'company' | 'place';

/** A lexicon with no entries. */
export const EMPTY_LEXICON: FeatureLexicon = {
  phrases: PhraseTable.build(new Uint32Array(0), new Uint16Array(0)),
  maxPhraseTokens: 0,
  categories: [],
  words: EMPTY_WORD_TABLE,
  wordFeatures: [],
};
