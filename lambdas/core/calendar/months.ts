/**
 * English month words, shared by the cleaner (publication dates, datelines) and the date tagger, so both read
 * the same names and abbreviations.
 */
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Abbreviations in the order a regex must try them (`sept` before `sep`); May has none. */
const ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'];

/** Every month name and abbreviation, lower-case. */
export const MONTH_WORDS: readonly string[] = [...MONTH_NAMES, ...ABBREVIATIONS];

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Month number (1-12) of a month name or abbreviation, any case, with or without a final period; else 0. */
export function parseMonth(raw: string): number {
  const word = raw.toLowerCase().replace(/\.$/, '');
  const index = MONTH_NAMES.findIndex((name) => name === word || name.slice(0, 3) === word);
  return index >= 0 ? index + 1 : word === 'sept' ? 9 : 0;
}

/** Regex source for a full month name or an abbreviation, with an optional period; for case-insensitive use. */
export const MONTH_PATTERN = `(?:${MONTH_WORDS.join('|')})\\.?`;

/**
 * Like {@link MONTH_PATTERN} but case-sensitive: `Dec`, `December`, `DEC`, `JUNE` (datelines capitalise months,
 * so a lower-case word is prose).
 */
export const CAPITALISED_MONTH_PATTERN = `(?:${[
  ...MONTH_WORDS.map(capitalise),
  ...['may', 'june', 'july', ...ABBREVIATIONS].map((word) => word.toUpperCase()),
].join('|')})\\.?`;

/**
 * Regex source for a month name in running text: full names, and abbreviations with a period ("Aug.", "Sept.").
 * An abbreviation without a period only counts before a day number ("Aug 7"): {@link MONTH_BEFORE_DAY_SOURCE}.
 */
export const MONTH_SOURCE = `(?:${[...MONTH_NAMES, ...ABBREVIATIONS.map((a) => `${a}\\.`)].join('|')})`;

/** Regex source for a month name before a day number, where periodless abbreviations are safe. */
export const MONTH_BEFORE_DAY_SOURCE = `(?:${MONTH_SOURCE}|(?:${ABBREVIATIONS.join('|')})(?=\\s+\\d))`;
