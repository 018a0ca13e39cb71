/** Weekday names, index = day of week (0 = Sunday), as {@link weekday} counts them. */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Regex source for a full weekday name. */
export const WEEKDAY_SOURCE = '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)';

/** Day of week (0 = Sunday) of a weekday name, or -1. */
export function parseWeekday(raw: string): number {
  return WEEKDAY_NAMES.indexOf(raw.toLowerCase());
}

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Regex source for a month name: full names, and abbreviations with a period ("Aug.", "Sept."). An abbreviation
 * without a period only counts before a day number ("Aug 7"); that case is {@link MONTH_BEFORE_DAY_SOURCE}.
 */
export const MONTH_SOURCE =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december' +
  '|jan\\.|feb\\.|mar\\.|apr\\.|jun\\.|jul\\.|aug\\.|sept\\.|sep\\.|oct\\.|nov\\.|dec\\.)';

/** Regex source for a month name before a day number, where periodless abbreviations are safe. */
export const MONTH_BEFORE_DAY_SOURCE = `(?:${MONTH_SOURCE}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?=\\s+\\d))`;

/** Month number (1-12) of a month name or abbreviation, or 0. */
export function parseMonth(raw: string): number {
  return MONTH_PREFIXES.indexOf(raw.slice(0, 3).toLowerCase()) + 1;
}

/** Part-of-day words and their TimeML codes. */
export const PART_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  overnight: 'NI',
};

/** Regex source for a part of day. */
export const PART_OF_DAY_SOURCE = '(?:morning|afternoon|evening|night)';

/** Normalises a unit word ("Years", "centuries") to its singular lower-case form. */
export function singularUnit(raw: string): string {
  const s = raw.toLowerCase();
  if (s === 'centuries') return 'century';
  return s.endsWith('s') ? s.slice(0, -1) : s;
}
