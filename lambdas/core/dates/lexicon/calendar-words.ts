/** Weekday names, index = day of week (0 = Sunday), as {@link weekday} counts them. */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Regex source for a full weekday name. */
export const WEEKDAY_SOURCE = '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)';

/**
 * Regex source for a weekday name or its abbreviation with an optional period ("Mon", "Tues.", "Thu"), as bylines
 * print them before a date ("Mon 2 Oct 2023"); only safe next to a date, where the abbreviation cannot be a word.
 */
export const WEEKDAY_OR_ABBREVIATION_SOURCE =
  '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\\.?)';

/** Day of week (0 = Sunday) of a weekday name, or -1. */
export function parseWeekday(raw: string): number {
  return WEEKDAY_NAMES.indexOf(raw.toLowerCase());
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
