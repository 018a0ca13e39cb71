/**
 * English function words that are not also common words of other Latin-script languages: not `in`, `a`,
 * `to`, `is`, `on`, `at`, `for`, `was`, `will`, `also`, `an`, `as`, `by`, `over`, `under`, `we`, which
 * German, Dutch, Italian, Portuguese, Polish, French or the Scandinavian languages use too.
 */
const MARKERS = new Set([
  'the',
  'and',
  'of',
  'that',
  'with',
  'which',
  'from',
  'have',
  'has',
  'been',
  'would',
  'their',
  'they',
  'this',
  'said',
  'are',
  'but',
  'not',
  'his',
  'who',
  'its',
  'after',
  'about',
  'than',
  'could',
  'into',
  'there',
  'were',
  'should',
  'what',
  'when',
  'while',
  'other',
  'more',
  'some',
  'only',
  'these',
  'those',
  'such',
  'before',
  'because',
  'where',
  'between',
  'through',
  'against',
  'during',
  'without',
  'within',
  'being',
  'did',
  'does',
  'our',
  'your',
  'them',
  'him',
  'she',
  'he',
  'you',
  'it',
]);

/** Share of marker words (and how many different ones) that makes English certain. */
const MIN_SHARE = 0.1;
const MIN_DISTINCT = 3;
const MIN_TOKENS = 12;

/**
 * True when a sample is unmistakably English by its function words: at least a tenth of its words, and three
 * different ones, are English-only function words, and it has no letters outside ASCII. A shortcut in front
 * of the statistical identifier, which costs a few hundred microseconds per call: English wire copy is most
 * of the input. Tuned and checked by scripts/clean/language-accuracy.ts (it never fires on the other languages).
 */
export function isCertainlyEnglish(sample: string): boolean {
  const tokens = sample.toLowerCase().split(/[^a-z\u00C0-\u024F']+/);
  let words = 0;
  let markers = 0;
  const distinct = new Set<string>();
  for (const token of tokens) {
    if (token.length === 0) continue;
    // Accented Latin letters belong to other languages (or names); leave those samples to the identifier.
    if (/[^a-z']/.test(token)) return false;
    words++;
    if (MARKERS.has(token)) {
      markers++;
      distinct.add(token);
    }
  }
  return words >= MIN_TOKENS && distinct.size >= MIN_DISTINCT && markers >= MIN_SHARE * words;
}
