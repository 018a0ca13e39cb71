import { MONTH_WORDS } from '../../calendar/months';

/**
 * Words that temporal expressions cannot do without, in classes; a parser names the classes its matches always
 * contain, and the tagger runs its regular expression only near them (see {@link scanNearKeywords}).
 */
export const KEYWORD_CLASSES = {
  digit: [],
  month: MONTH_WORDS,
  weekday: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  unit: [
    'second',
    'minute',
    'hour',
    'day',
    'night',
    'week',
    'fortnight',
    'month',
    'year',
    'decade',
    'century',
    'centuries',
    'quarter',
    'weekend',
  ],
  partOfDay: ['morning', 'afternoon', 'evening', 'night', 'overnight'],
  deictic: ['today', 'tonight', 'yesterday', 'tomorrow'],
  clockWord: ['noon', 'midnight', 'midday'],
  ago: ['ago', 'earlier', 'later', 'before', 'after', 'hence', 'now'],
  quarter: ['quarter', 'half', 'period'],
  season: ['spring', 'summer', 'fall', 'autumn', 'winter'],
  holiday: [
    'christmas',
    'new',
    'independence',
    'halloween',
    'valentine',
    'veterans',
    'thanksgiving',
    'labor',
    'memorial',
    'election',
    'easter',
    'good',
  ],
  spelledNumber: [
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'thousand',
  ],
  decadeWord: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
  every: ['every', 'each'],
  frequency: [
    'daily',
    'nightly',
    'weekly',
    'biweekly',
    'monthly',
    'quarterly',
    'annually',
    'yearly',
    'hourly',
    'semiannually',
  ],
  reference: [
    'now',
    'currently',
    'current',
    'presently',
    'present',
    'nowadays',
    'these',
    'moment',
    'recently',
    'lately',
    'recent',
    'past',
    'future',
    'later',
  ],
  indefinite: ['while', 'time'],
  fiscalCode: ['fy'],
  century: ['century'],
  // Set from the text around unit words (see findKeywords), not listed words.
  hyphenatedUnit: [],
  pluralUnit: [],
} as const satisfies Record<string, readonly string[]>;

/** A class of {@link KEYWORD_CLASSES}. */
export type KeywordClass = keyof typeof KEYWORD_CLASSES;

const CLASS_NAMES = Object.keys(KEYWORD_CLASSES) as KeywordClass[];
const bitOf = (name: KeywordClass): number => 1 << CLASS_NAMES.indexOf(name);
const DIGIT_BIT = bitOf('digit');
const MONTH_BIT = bitOf('month');
const UNIT_BIT = bitOf('unit');
const HYPHENATED_BIT = bitOf('hyphenatedUnit');
const PLURAL_BIT = bitOf('pluralUnit');
const WORD_BITS = new Map<string, number>();
for (const [i, name] of CLASS_NAMES.entries()) {
  for (const word of KEYWORD_CLASSES[name]) WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | (1 << i));
}
// No boundary after a word: rules read "June7" and "Noonan" too. Longest words first, so that "decade" is not "dec".
const KEYWORD = new RegExp(
  `\\d+|\\b(?:${[...WORD_BITS.keys()].sort((a, b) => b.length - a.length).join('|')})`,
  'gi',
);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The bit set of some keyword classes. */
export function keywordMask(classes: readonly KeywordClass[]): number {
  let mask = 0;
  for (const name of classes) mask |= bitOf(name);
  return mask;
}

/** Where keywords occur in a text (UTF-16 offsets, ascending) and the classes of each. */
export interface KeywordHits {
  readonly positions: readonly number[];
  readonly masks: readonly number[];
}

/** Finds every keyword of a text in one pass. */
export function findKeywords(text: string): KeywordHits {
  const positions: number[] = [];
  const masks: number[] = [];
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m !== null; m = KEYWORD.exec(text)) {
    const word = m[0];
    let mask: number;
    const c = word.charCodeAt(0);
    if (c >= 48 && c <= 57) mask = DIGIT_BIT;
    else {
      const lower = word.toLowerCase();
      mask = WORD_BITS.get(lower) ?? 0;
      const end = m.index + word.length;
      const next = text.charCodeAt(end);
      // "market", "decision", "mayor": a month name goes on with a letter only as a longer word.
      if ((mask & MONTH_BIT) !== 0 && isLetter(next)) mask &= ~MONTH_BIT;
      if ((mask & UNIT_BIT) !== 0) {
        const plural = next === 115 || next === 83 || lower === 'centuries';
        const after = plural && lower !== 'centuries' ? text.charCodeAt(end + 1) : next;
        if (text.charCodeAt(m.index - 1) === 45 || after === 45) mask |= HYPHENATED_BIT;
        if (plural) mask |= PLURAL_BIT;
      }
    }
    positions.push(m.index);
    masks.push(mask);
  }
  return { positions, masks };
}

// Characters a match may read past its end (lookaheads) or past the window it starts in; no rule's expression
// and lookahead together come near it.
const TAIL = 160;

/**
 * Runs a global expression over the parts of a text where its matches can start: at most `reach` characters before a
 * keyword of `mask`. Returns the matches a scan of the whole text finds there, in order, with `index` into the whole
 * text. The expression sees the text between the last whitespace before each part and {@link TAIL} characters after
 * it, so word boundaries, one-character lookbehinds and lookaheads read what they read in the whole text.
 * A match that started more than `reach` characters before its keyword would be missed: each parser states its reach.
 */
export function scanNearKeywords(
  pattern: RegExp,
  text: string,
  hits: KeywordHits,
  mask: number,
  reach: number,
  onMatch: (m: RegExpExecArray) => void,
): void {
  const { positions, masks } = hits;
  let resume = 0;
  let i = 0;
  const n = positions.length;
  while (i < n) {
    if (((masks[i] ?? 0) & mask) === 0) {
      i++;
      continue;
    }
    // One window: starts allowed from `start` to `last`, merging keywords whose windows nearly touch.
    const start = Math.max(0, (positions[i] ?? 0) - reach);
    let last = positions[i] ?? 0;
    for (i++; i < n; i++) {
      if (((masks[i] ?? 0) & mask) === 0) continue;
      const p = positions[i] ?? 0;
      if (p - reach > last + TAIL) break;
      last = p;
    }
    const from = Math.max(start, resume);
    if (from > last) continue;
    // One character before the window and TAIL after it: what word boundaries and lookarounds read.
    const sliceStart = from > 0 ? from - 1 : 0;
    const sliceEnd = Math.min(text.length, last + TAIL);
    const slice = text.slice(sliceStart, sliceEnd);
    pattern.lastIndex = from - sliceStart;
    for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
      const at = m.index + sliceStart;
      if (at > last) break;
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      m.index = at;
      resume = at + m[0].length;
      onMatch(m);
    }
  }
}
