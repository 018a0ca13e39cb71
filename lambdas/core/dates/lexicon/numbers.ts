const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
  'a dozen': 12,
  hundred: 100,
  'a hundred': 100,
  'one hundred': 100,
  'a couple of': 2,
  'a couple': 2,
  couple: 2,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Quantities too vague for a number: TimeML writes them as `X` ("several years" → `PXY`). */
const VAGUE = new Set(['several', 'a few', 'few', 'many', 'some', 'numerous', 'a number of']);

const DIGIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';

/**
 * Regex source for a cardinal: digits, spelled numbers up to ninety-nine, "a"/"an", "a couple of", halves
 * ("half an", "two and a half"), and vague quantities ("several"). Longer alternatives come first so the regex engine prefers them.
 */
export const NUMBER_SOURCE =
  `(?:(?:\\d+|${DIGIT_WORDS}|ten|eleven|twelve)\\s+and\\s+a\\s+half|half\\s+an?` +
  '|\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?:\\s+1/2)?' +
  `|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${DIGIT_WORDS}))?` +
  '|a\\s+couple\\s+of|a\\s+couple|a\\s+dozen|a\\s+hundred|one\\s+hundred|a\\s+few|a\\s+number\\s+of' +
  '|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen' +
  '|sixteen|seventeen|eighteen|nineteen|dozen|hundred|several|few|many|some|numerous|single|an|a)';

/** The value of a number matched by {@link NUMBER_SOURCE}: a number, `'X'` for vague quantities, or null. */
export function parseNumber(raw: string): number | 'X' | null {
  const s = raw
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .trim();
  if (VAGUE.has(s)) return 'X';
  if (s === 'half a' || s === 'half an') return 0.5;
  const andAHalf = /^(.+) and a half$/.exec(s);
  if (andAHalf) {
    const n = parseNumber(andAHalf[1] ?? '');
    return typeof n === 'number' ? n + 0.5 : null;
  }
  const half = /^(\d+) 1\/2$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const small = SMALL[s];
  if (small !== undefined) return small;
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(s);
  if (!m) return null;
  const tens = TENS[m[1] ?? ''];
  if (tens === undefined) return null;
  if (m[2] === undefined) return tens;
  const unit = SMALL[m[2]];
  return unit !== undefined && unit < 10 ? tens + unit : null;
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** Regex source for the ordinals quarters and halves use ("third", "3rd"). */
export const ORDINAL_SOURCE = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';

/** The value of an ordinal word ("third" → 3), or null. */
export function parseOrdinal(raw: string): number | null {
  return ORDINALS[raw.toLowerCase()] ?? null;
}
