import type { SentenceRange } from '../text/sentences';
import { hashString } from './hash';
import { type FeatureLexicon, PhraseTable } from './lexicon';
import { normalizeWord } from './word-shape';

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** Lower-case sentences shorter than this (tokens) keep their case: fragments, bylines, list items. */
const MIN_LENGTH = 4;

/**
 * ALL-CAPS sentences shorter than this are headlines and datelines, which the training news is full of
 * and the model reads well as they are: 97% of eng.train's capitalised lines are shorter.
 */
const MIN_SHOUTED_LENGTH = 12;

/** Gazetteer categories that capitalise a lower-case word alone, and as part of a longer phrase. */
const ALONE = ['country', 'region', 'nationality', 'person'];
const IN_PHRASE = ['country', 'city', 'region', 'nationality'];

/** The case of a sentence's letters: only capitals, no capitals, both, or no letters at all. */
function letterCase(words: readonly string[], s: SentenceRange): 'upper' | 'lower' | 'mixed' | 'none' {
  let upper = false;
  let lower = false;
  for (let i = s.start; i < s.end && !(upper && lower); i++) {
    const w = words[i] as string;
    if (!upper && UPPER.test(w)) upper = true;
    if (!lower && LOWER.test(w)) lower = true;
  }
  return upper ? (lower ? 'mixed' : 'upper') : lower ? 'lower' : 'none';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function categoryMask(lexicon: FeatureLexicon, names: readonly string[]): number {
  let mask = 0;
  lexicon.categories.forEach((c, bit) => {
    if (names.includes(c)) mask |= 1 << bit;
  });
  return mask;
}

/**
 * The words the tagger reads, with sentences that carry no case information given back the capitals of
 * names: the spelling the same article uses where it is written normally ("stephen biegun" → "Stephen
 * Biegun" when the article has "Stephen Biegun" elsewhere), else the capital of a country, region,
 * nationality or person name from the model's gazetteers ("north korea" → "North Korea"); the article's
 * own lower-case use of a word wins over a list. Lower-case sentences are re-cased as they are; long
 * ALL-CAPS ones (shouted body text, not headlines) are lower-cased first. The model leans on capitals and
 * finds little in such sentences without this.
 *
 * Offsets are untouched (only the words change); the input array is returned when nothing changes.
 */
export function truecaseWords(
  words: readonly string[],
  sentences: readonly SentenceRange[],
  lexicon: FeatureLexicon,
): readonly string[] {
  const caseless = sentences.filter(
    (s) =>
      (s.end - s.start >= MIN_LENGTH && letterCase(words, s) === 'lower') ||
      (s.end - s.start >= MIN_SHOUTED_LENGTH && letterCase(words, s) === 'upper'),
  );
  if (caseless.length === 0) return words;
  const spellings = articleSpellings(words, sentences);
  const out = words.slice();
  for (const s of caseless) {
    for (let i = s.start; i < s.end; i++) out[i] = (words[i] as string).toLowerCase();
  }
  const alone = categoryMask(lexicon, ALONE);
  const inPhrase = categoryMask(lexicon, IN_PHRASE);
  for (const s of caseless) {
    for (let i = s.start; i < s.end; i++) {
      const known = spellings.get((words[i] as string).toLowerCase());
      if (known !== undefined) out[i] = known;
    }
    capitaliseListedNames(words, s, lexicon, alone, inPhrase, spellings, out);
    const first = out[s.start] as string;
    if (STARTS_LOWER.test(first)) out[s.start] = capitalise(first);
  }
  return out;
}

/**
 * The most frequent spelling of each word in the article's cased sentences, first words of sentences
 * excepted (they are capitalised whatever they are).
 */
function articleSpellings(
  words: readonly string[],
  sentences: readonly SentenceRange[],
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    if (letterCase(words, s) !== 'mixed') continue;
    for (let i = s.start + 1; i < s.end; i++) {
      const w = words[i] as string;
      if (!UPPER.test(w) && !LOWER.test(w)) continue;
      const key = w.toLowerCase();
      let seen = counts.get(key);
      if (seen === undefined) {
        seen = new Map();
        counts.set(key, seen);
      }
      seen.set(w, (seen.get(w) ?? 0) + 1);
    }
  }
  const best = new Map<string, string>();
  for (const [key, seen] of counts) {
    let top = '';
    let n = 0;
    for (const [w, c] of seen) {
      if (c > n) {
        top = w;
        n = c;
      }
    }
    best.set(key, top);
  }
  return best;
}

/** Capitalises the longest gazetteer names in a lower-case sentence (see {@link truecaseWords}). */
function capitaliseListedNames(
  words: readonly string[],
  s: SentenceRange,
  lexicon: FeatureLexicon,
  alone: number,
  inPhrase: number,
  spellings: ReadonlyMap<string, string>,
  out: string[],
): void {
  for (let i = s.start; i < s.end; i++) {
    let hash: number | undefined;
    let match = -1;
    for (let j = i; j < s.end && j - i < lexicon.maxPhraseTokens; j++) {
      hash = PhraseTable.extend(hash, hashString(normalizeWord(words[j] as string)));
      if (lexicon.phrases.get(hash) & (j === i ? alone : inPhrase)) match = j;
    }
    if (match < 0) continue;
    let usedLowerCase = false;
    for (let k = i; k <= match; k++) {
      const seen = spellings.get((words[k] as string).toLowerCase());
      if (seen !== undefined && !UPPER.test(seen)) usedLowerCase = true;
    }
    if (usedLowerCase) continue;
    for (let k = i; k <= match; k++) {
      const w = out[k] as string;
      if (w.length > 1 && STARTS_LOWER.test(w)) out[k] = capitalise(w);
    }
    i = match;
  }
}
