/**
 * Word lists compiled into the model at training time: gazetteers (phrases with category bits) and word
 * clusters learned from unlabelled text. Features built from them generalise to names never seen in the
 * annotated training data.
 */
export interface FeatureLexicon {
  /** Lower-cased phrase (tokens joined by one space) → bit set of gazetteer categories. */
  readonly phrases: ReadonlyMap<string, number>;
  /** Longest phrase, in tokens. */
  readonly maxPhraseTokens: number;
  /** Names of the gazetteer categories, bit i ↔ categories[i]; stored for inspection only. */
  readonly categories: readonly string[];
  /** Lower-cased word → cluster bit path (e.g. `0110`), prefixes of which are features. */
  readonly clusters: ReadonlyMap<string, string>;
}

/** A lexicon with no entries. */
export const EMPTY_LEXICON: FeatureLexicon = {
  phrases: new Map(),
  maxPhraseTokens: 0,
  categories: [],
  clusters: new Map(),
};
