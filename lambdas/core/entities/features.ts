import type { SentenceRange } from '../text/sentences';
import * as hashing from './hash';
import { EMPTY_LEXICON, type FeatureLexicon, PhraseTable } from './lexicon';
import { CaseClass, caseClass, normalizeWord, wordShape } from './word-shape';
import { CLUSTER_LEVELS, clusterPrefix, NAME_LIKE_CAPS, unpackWord } from './word-table';

// Module-level bindings: transpiled imports are property getters, and the per-token loops below call these
// tens of times per token (measurable in the CLI, which runs through tsx).
const { hashString, mix, mix3 } = hashing;
const extendPhrase = PhraseTable.extend;
const NONE = CaseClass.None;
const LOWER = CaseClass.Lower;
const TITLE = CaseClass.Title;
const UPPER = CaseClass.Upper;
const INITIAL = CaseClass.Initial;
const MIXED = CaseClass.Mixed;

/** Feature keys of a document: keys of token i are `keys[offsets[i]] .. keys[offsets[i + 1] - 1]`. */
export interface DocumentFeatures {
  readonly keys: Uint32Array;
  readonly offsets: Int32Array;
  /** Per token, its word's context-free features (also in `keys` in mode `all`). */
  readonly words: readonly WordEntry[];
}

// Template ids: every feature key is mix(template, value…). Never renumber: trained models depend on them.
const T_BIAS = 1;
const T_WORD = 2;
const T_LOWER = 3;
const T_SHAPE = 4;
const T_SHORT = 5;
const T_PREFIX = 6; // 6..9
const T_SUFFIX = 10; // 10..13
const T_PREV = 14;
const T_NEXT = 15;
const T_PREV2 = 16;
const T_NEXT2 = 17;
const T_PREV_CUR = 18;
const T_CUR_NEXT = 19;
const T_SHORT_PREV = 20;
const T_SHORT_NEXT = 21;
const T_SHORT_TRI = 22;
const T_FIRST = 23;
const T_HEADLINE = 24;
const T_HEADLINE_WORD = 25;
const T_PREV_WORD_CASE = 26;
const T_NEXT_WORD_CASE = 27;
const T_RUN = 28;
const T_DOC_CASE = 30;
const T_GAZ = 40;
const T_GAZ_NEXT = 41;
const T_GAZ_PREV = 42;
const T_GAZ_BIT = 43;
const T_NEWS_CLUSTER = 50; // 50..53, by level
const T_GLOVE_CLUSTER = 54; // 54..57, by level
const T_CAPS = 58;
const T_CAPS_CASE = 59;
const T_CONTEXT = 60; // company contexts
const T_CONTEXT_CASE = 61;
const T_PLACE = 62;
const T_PLACE_CASE = 63;

const BOUNDARY = hashString('<s>');
const BIAS = mix(T_BIAS, 0);

/** Neighbour roles, in the order {@link extractFeatures} emits their keys for a token. */
export const NEIGHBOUR_ROLES = 4;

/**
 * Keys a word contributes to its neighbours' features, per role: as the previous word, the next word, two
 * before and two after. A tagger caches their scores per distinct word instead of looking them up per token.
 */
export function neighbourKeys(norm: number): readonly Uint32Array[] {
  return [
    Uint32Array.of(mix(T_PREV, norm)),
    Uint32Array.of(mix(T_NEXT, norm)),
    Uint32Array.of(mix(T_PREV2, norm)),
    Uint32Array.of(mix(T_NEXT2, norm)),
  ];
}

/** The neighbour keys of "no word" beyond a sentence edge, per role. */
const BOUNDARY_ROLES = neighbourKeys(BOUNDARY);

/** The bias key, emitted for every token before its neighbour keys. */
export const BIAS_KEY = BIAS;

/** The `norm` standing for "no word" beyond a sentence edge in neighbour keys. */
export const BOUNDARY_NORM = BOUNDARY;

/** What a word contributes on its own, whatever its context: computed once per distinct word. */
export interface WordEntry {
  readonly lower: string;
  readonly norm: number;
  readonly short: number;
  readonly cls: number;
  /** The word's packed word-table value (0 when the table does not hold it). */
  readonly rep: number;
  /** Keys of the context-free templates (word, lower case, shapes, affixes, word representations). */
  readonly local: Uint32Array;
  /** Keys the word contributes as each neighbour role (see {@link neighbourKeys}). */
  readonly neighbours: readonly Uint32Array[];
  /** Scratch slot for a tagger: the word's own scores (from `local`), filled on first use. */
  localScores: Float32Array | undefined;
  /** Scratch slot for a tagger: the weights of each of this word's {@link neighbourKeys}, filled on first use. */
  neighbourScores: Float32Array | undefined;
}

/**
 * Memo of {@link WordEntry} by word. Words repeat (Zipf), so caching the string work per distinct word makes
 * feature extraction several times cheaper; results are identical with or without it.
 */
export class WordCache {
  private readonly entries = new Map<string, WordEntry>();

  /** `lexicon` supplies the word representations; a cache serves one lexicon only. */
  public constructor(
    private readonly lexicon: FeatureLexicon = EMPTY_LEXICON,
    private readonly limit = 200_000,
  ) {}

  /** The entry of `word`, computed on first use. */
  public get(word: string): WordEntry {
    let e = this.entries.get(word);
    if (e === undefined) {
      if (this.entries.size >= this.limit) this.entries.clear();
      e = wordEntry(word, this.lexicon);
      this.entries.set(word, e);
    }
    return e;
  }
}

function wordEntry(w: string, lexicon: FeatureLexicon): WordEntry {
  const lower = normalizeWord(w);
  const norm = hashString(lower);
  const short = hashString(wordShape(w, true));
  const cls = caseClass(w);
  const rep = lexicon.words.get(norm);
  const local: number[] = [
    mix(T_WORD, hashString(w)),
    mix(T_LOWER, norm),
    mix(T_SHAPE, hashString(wordShape(w, false))),
    mix(T_SHORT, short),
  ];
  const len = w.length;
  for (let k = 1; k <= 4 && k < len; k++) {
    local.push(mix(T_PREFIX + k - 1, hashString(w.slice(0, k))));
    local.push(mix(T_SUFFIX + k - 1, hashString(lower.slice(len - k))));
  }
  representationKeys(rep, cls, lexicon, local);
  return {
    lower,
    norm,
    short,
    cls,
    rep,
    local: Uint32Array.from(local),
    neighbours: neighbourKeys(norm),
    localScores: undefined,
    neighbourScores: undefined,
  };
}

/**
 * Keys of what unlabeled text says about a word. For a word 2012–2020 news capitalises (≥ 70% of its
 * mid-sentence uses: a name), its cluster in the news tree, built from the contexts news writes it in
 * ("trump" with "biden" and "obama"); for any other word, its GloVe cluster (2014, six billion words: the
 * better vectors for ordinary words, but an older sense of names that became news later: GloVe files
 * "trump" with "privilege" and "forfeit"). Then how often news capitalises it, alone and with how this
 * occurrence is cased. Then how often news writes it next to company words ("Uber's chief executive",
 * "shares of", "the startup"): the clusters, built from all neighbouring words, file "google" with "china",
 * and this is what tells "Spotify" from "Sweden". Frequency is left out: which names are frequent is the news
 * of the day, and the 1996 training text would teach that frequent capitalised words are places.
 */
function representationKeys(rep: number, cls: number, lexicon: FeatureLexicon, out: number[]): void {
  const groups = lexicon.wordFeatures;
  if (groups.length === 0) return;
  const w = unpackWord(rep);
  const nameLike = w.caps >= NAME_LIKE_CAPS;
  if (nameLike && w.news !== undefined && groups.includes('news')) {
    for (let level = 1; level <= CLUSTER_LEVELS; level++)
      out.push(mix(T_NEWS_CLUSTER + level - 1, clusterPrefix(w.news, level)));
  } else if (!nameLike && w.glove !== undefined && groups.includes('glove')) {
    for (let level = 1; level <= CLUSTER_LEVELS; level++)
      out.push(mix(T_GLOVE_CLUSTER + level - 1, clusterPrefix(w.glove, level)));
  }
  if (groups.includes('caps')) {
    out.push(mix(T_CAPS, w.caps));
    out.push(mix3(T_CAPS_CASE, w.caps, cls));
  }
  if (w.company !== 0 && groups.includes('company')) {
    out.push(mix(T_CONTEXT, w.company));
    out.push(mix3(T_CONTEXT_CASE, w.company, cls));
  }
  if (w.place !== 0 && groups.includes('place')) {
    out.push(mix(T_PLACE, w.place));
    out.push(mix3(T_PLACE_CASE, w.place, cls));
  }
}

/** Growable buffer of feature keys; a tagger keeps one and reuses it for every document. */
export class KeyBuffer {
  public data = new Uint32Array(1024);
  public length = 0;

  /** Empties the buffer, keeping its storage. */
  public clear(): void {
    this.length = 0;
  }

  public push(key: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = key;
  }
}

/**
 * Per-token arrays of one document, kept by a tagger and grown to the longest document seen, so tagging does
 * not allocate a dozen typed arrays per document. Results that view them are valid until the next call.
 */
export class FeatureScratch {
  public norm = new Int32Array(0);
  public short = new Int32Array(0);
  public cls = new Uint8Array(0);
  public headline = new Uint8Array(0);
  public first = new Uint8Array(0);
  public caseFlags = new Uint8Array(0);
  public ownRun = new Int32Array(0);
  public marks = new Int32Array(0);
  public offsets = new Int32Array(0);

  /** Makes room for `n` tokens, zeroing what is only written for some tokens. */
  public reserve(n: number): void {
    if (this.offsets.length < n + 1) {
      const size = Math.max(n + 1, 2 * this.offsets.length, 256);
      this.norm = new Int32Array(size);
      this.short = new Int32Array(size);
      this.cls = new Uint8Array(size);
      this.headline = new Uint8Array(size);
      this.first = new Uint8Array(size);
      this.caseFlags = new Uint8Array(size);
      this.ownRun = new Int32Array(size);
      this.marks = new Int32Array(size);
      this.offsets = new Int32Array(size);
      return;
    }
    this.first.fill(0, 0, n);
    this.ownRun.fill(0, 0, n);
    this.marks.fill(0, 0, n);
  }
}

/** Per-token values computed once per document and shared by all templates. */
interface TokenInfo {
  readonly norm: Int32Array;
  readonly short: Int32Array;
  readonly entries: WordEntry[];
  readonly cls: Uint8Array;
  readonly headline: Uint8Array;
  readonly first: Uint8Array;
  readonly lower: string[];
}

/**
 * Computes the feature keys of every token of a document: the word, affixes, shapes and a context window,
 * capitalisation in context (sentence start, headline, runs of capitalised words), gazetteer matches, and
 * how the same word is written elsewhere in the document (a capitalised word that also appears in lower case
 * is rarely a name; a headline word in capitals is read through its spelling in running text). Consistency
 * of labels across the document is left to the second stage (see stacking).
 *
 * `mode: 'context'` (tagging) leaves out the keys that depend on single words only, the token's own
 * (`WordEntry.local`) and the bias and neighbour keys: a tagger scores those once per distinct word. The
 * remaining keys keep their order, so scores add up in the same order either way. `buffer` receives the keys
 * (the result views it).
 */
export function extractFeatures(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  lexicon: FeatureLexicon,
  cache: WordCache = new WordCache(),
  mode: 'all' | 'context' = 'all',
  buffer: KeyBuffer = new KeyBuffer(),
  scratch: FeatureScratch = new FeatureScratch(),
): DocumentFeatures {
  const all = mode === 'all';
  const n = words.length;
  scratch.reserve(n);
  const info = tokenInfo(words, sentences, cache, scratch);
  const gaz = gazetteerMarks(info, sentences, lexicon, scratch.marks);
  const doc = documentContext(info, sentences, n, scratch);
  const keys = buffer;
  keys.clear();
  const offsets = scratch.offsets;
  for (const sent of sentences) {
    for (let i = sent.start; i < sent.end; i++) {
      offsets[i] = keys.length;
      const norm = info.norm[i] as number;
      const short = info.short[i] as number;
      const cls = info.cls[i] as number;
      const prev = i > sent.start ? (info.norm[i - 1] as number) : BOUNDARY;
      const next = i + 1 < sent.end ? (info.norm[i + 1] as number) : BOUNDARY;
      const shortPrev = i > sent.start ? (info.short[i - 1] as number) : BOUNDARY;
      const shortNext = i + 1 < sent.end ? (info.short[i + 1] as number) : BOUNDARY;
      const headline = info.headline[i] as number;
      const first = info.first[i] as number;
      if (all) {
        const e = info.entries;
        for (const key of (e[i] as WordEntry).local) keys.push(key);
        keys.push(BIAS);
        const roles = [
          i > sent.start ? (e[i - 1] as WordEntry).neighbours[0] : BOUNDARY_ROLES[0],
          i + 1 < sent.end ? (e[i + 1] as WordEntry).neighbours[1] : BOUNDARY_ROLES[1],
          i > sent.start + 1 ? (e[i - 2] as WordEntry).neighbours[2] : BOUNDARY_ROLES[2],
          i + 2 < sent.end ? (e[i + 2] as WordEntry).neighbours[3] : BOUNDARY_ROLES[3],
        ];
        for (const role of roles) for (const key of role as Uint32Array) keys.push(key);
      }
      keys.push(mix3(T_PREV_CUR, prev, norm));
      keys.push(mix3(T_CUR_NEXT, norm, next));
      keys.push(mix3(T_SHORT_PREV, shortPrev, short));
      keys.push(mix3(T_SHORT_NEXT, short, shortNext));
      keys.push(mix3(T_SHORT_TRI, mix(shortPrev, short), shortNext));
      keys.push(mix3(T_FIRST, first, short));
      keys.push(mix3(T_HEADLINE, headline, short));
      keys.push(mix3(T_PREV_WORD_CASE, prev, cls));
      keys.push(mix3(T_NEXT_WORD_CASE, next, cls));
      keys.push(mix3(T_RUN, doc.ownRun[i] as number, headline));
      if (headline) keys.push(mix(T_HEADLINE_WORD, norm));
      if (cls !== NONE) {
        keys.push(mix3(T_DOC_CASE, doc.caseFlags[i] as number, cls * 4 + first * 2 + headline));
      }
      const g = gaz[i] as number;
      if (g !== 0) {
        keys.push(mix(T_GAZ, g));
        // One key per list as well: with many lists, most combinations of them are too rare to learn.
        for (let bits = g >>> 2, b = 0; bits !== 0; bits >>>= 1, b++)
          if (bits & 1) keys.push(mix3(T_GAZ_BIT, b, g & 3));
      }
      if (i + 1 < sent.end && gaz[i + 1] !== 0) keys.push(mix(T_GAZ_NEXT, gaz[i + 1] as number));
      if (i > sent.start && gaz[i - 1] !== 0) keys.push(mix(T_GAZ_PREV, gaz[i - 1] as number));
    }
  }
  offsets[n] = keys.length;
  return {
    keys: keys.data.subarray(0, keys.length),
    offsets: offsets.subarray(0, n + 1),
    words: info.entries,
  };
}

function tokenInfo(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  cache: WordCache,
  scratch: FeatureScratch,
): TokenInfo {
  const n = words.length;
  const info: TokenInfo = {
    norm: scratch.norm,
    short: scratch.short,
    entries: new Array<WordEntry>(n),
    cls: scratch.cls,
    headline: scratch.headline,
    first: scratch.first,
    lower: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const e = cache.get(words[i] as string);
    info.entries[i] = e;
    info.lower[i] = e.lower;
    info.norm[i] = e.norm;
    info.short[i] = e.short;
    info.cls[i] = e.cls;
  }
  for (const s of sentences) {
    // Headlines (and datelines) are written in capitals, where case says nothing about names.
    let upper = 0;
    let cased = 0;
    for (let i = s.start; i < s.end; i++) {
      const c = info.cls[i];
      if (c === UPPER) upper++;
      if (c === UPPER || c === LOWER || c === TITLE || c === MIXED) cased++;
    }
    const headline = cased > 0 && upper * 2 > cased ? 1 : 0;
    info.headline.fill(headline, s.start, s.end);
    let i = s.start;
    // The first word proper: skip opening quotes and brackets.
    while (i < s.end && info.cls[i] === NONE && (words[i] as string).length === 1) i++;
    if (i < s.end) info.first[i] = 1;
  }
  return info;
}

interface DocumentContext {
  /** Per token: bits 0/1/2 = the word also appears lower-case / title-case / all-caps in running text. */
  readonly caseFlags: Uint8Array;
  /** Per token: its own run of capitalised tokens, encoded as position × 8 + capped length. */
  readonly ownRun: Int32Array;
}

function isCap(cls: number): boolean {
  return cls === TITLE || cls === UPPER || cls === INITIAL || cls === MIXED;
}

function documentContext(
  info: TokenInfo,
  sentences: readonly SentenceRange[],
  n: number,
  scratch: FeatureScratch,
): DocumentContext {
  const flags = new Map<string, number>();
  const ownRun = scratch.ownRun;
  for (const s of sentences) {
    let i = s.start;
    while (i < s.end) {
      const cls = info.cls[i] as number;
      if (!isCap(cls)) {
        i++;
        continue;
      }
      let j = i;
      while (j < s.end && isCap(info.cls[j] as number)) j++;
      const len = Math.min(j - i, 4);
      for (let k = i; k < j; k++) {
        const pos = j - i === 1 ? 3 : k === i ? 0 : k === j - 1 ? 2 : 1;
        ownRun[k] = pos * 8 + len;
      }
      i = j;
    }
    if (s.end > s.start && info.headline[s.start]) continue;
    for (let k = s.start; k < s.end; k++) {
      const cls = info.cls[k] as number;
      const key = info.lower[k] as string;
      if (cls === LOWER && !info.first[k]) flags.set(key, (flags.get(key) ?? 0) | 1);
      else if (cls === TITLE && !info.first[k]) flags.set(key, (flags.get(key) ?? 0) | 2);
      else if (cls === UPPER) flags.set(key, (flags.get(key) ?? 0) | 4);
    }
  }
  const caseFlags = scratch.caseFlags;
  for (let i = 0; i < n; i++) caseFlags[i] = flags.get(info.lower[i] as string) ?? 0;
  return { caseFlags, ownRun };
}

/**
 * Marks tokens covered by gazetteer phrases (longest match first, left to right): per token the category
 * bits shifted by its position in the match (B, I, L, U), so `New York City` and `York` read differently.
 */
function gazetteerMarks(
  info: TokenInfo,
  sentences: readonly SentenceRange[],
  lexicon: FeatureLexicon,
  marks: Int32Array,
): Int32Array {
  if (lexicon.maxPhraseTokens === 0) return marks;
  for (const s of sentences) {
    let i = s.start;
    while (i < s.end) {
      let matched = 0;
      let mask = 0;
      if (info.cls[i] !== LOWER && info.cls[i] !== NONE) {
        let hash: number | undefined;
        const maxLen = Math.min(lexicon.maxPhraseTokens, s.end - i);
        for (let len = 1; len <= maxLen; len++) {
          hash = extendPhrase(hash, info.norm[i + len - 1] as number);
          const m = lexicon.phrases.get(hash);
          if (m !== 0) {
            matched = len;
            mask = m;
          }
        }
      }
      if (matched === 0) {
        i++;
        continue;
      }
      for (let k = 0; k < matched; k++) {
        const pos = matched === 1 ? 3 : k === 0 ? 0 : k === matched - 1 ? 2 : 1;
        marks[i + k] = (mask << 2) | pos;
      }
      i += matched;
    }
  }
  return marks;
}
