import { isCalendarDay } from '../calendar/days';
import { InvalidReferenceDateError } from '../errors';

/** A calendar day. Months are 1-12. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Parses the reference date of a text: `YYYY-MM-DD`, or an ISO timestamp whose first ten characters are one.
 * @throws InvalidReferenceDateError when it is not a real calendar day.
 */
export function parseReferenceDate(value: string): CalendarDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!m) throw new InvalidReferenceDateError(value);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isCalendarDay(year, month, day)) throw new InvalidReferenceDateError(value);
  return { year, month, day };
}

/** Formats a day as `YYYY-MM-DD`. */
export function formatDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Adds days to a calendar day (proleptic Gregorian, UTC arithmetic: no time zones involved). */
export function addDays(d: CalendarDay, days: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of week, 0 = Sunday ... 6 = Saturday. */
export function weekday(d: CalendarDay): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}
