import { daysInMonth } from '../../calendar/days';
import { dayPoint, formatPoint, type Point, shift } from '../calendar/point';
import type { Tense } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import type { CalendarDay } from '../reference-date';

// Words after an ordinal that make it something other than a day ("the 14th century", "the 5th floor").
const NOT_A_DAY =
  /^\s+(?:century|centuries|floor|anniversary|amendment|time|place|round|minute|hole|inning|seed|division|district|street|avenue|birthday|straight|consecutive|largest|biggest|most|best|time|edition|annual|congress|army|fleet|grade|year|month|week|day|of\s+(?:the|his|her|their|its|\d))\b/i;

/**
 * A day of the month named alone: "on the 14th", "by the 28th". Newsrooms write it for a day of the current
 * or an adjacent month; the tense picks which: behind in the past tense, ahead in the future, else the nearer.
 */
export const dayOfMonthParser: Parser = {
  name: 'day-of-month',
  keywords: ['digit'],
  reach: 30,
  pattern:
    /\b(?:on|by|for|until|till|since|before|after|from|through)\s+the\s+([1-9]|[12]\d|3[01])(st|nd|rd|th)\b/gi,
  extract(m, { text }) {
    const [whole, dayText = '', suffix = ''] = m;
    const day = Number(dayText);
    if (!suffixFits(day, suffix.toLowerCase())) return null;
    const end = m.index + whole.length;
    if (NOT_A_DAY.test(text.slice(end, end + 24))) return null;
    const start = m.index + whole.indexOf('the');
    return candidate(this.name, start, end, 'DATE', ({ reference, tense }) => {
      const resolved = resolveDay(reference, day, tense);
      if (resolved === undefined) return null;
      const point = dayPoint(resolved);
      return { value: formatPoint(point), point };
    });
  },
};

function suffixFits(day: number, suffix: string): boolean {
  const last = day % 10;
  const teen = day >= 11 && day <= 13;
  if (!teen && last === 1) return suffix === 'st';
  if (!teen && last === 2) return suffix === 'nd';
  if (!teen && last === 3) return suffix === 'rd';
  return suffix === 'th';
}

/** The day `day` of the publication's month or the one before or after, as the tense says. */
function resolveDay(ref: CalendarDay, day: number, tense: Tense): CalendarDay | undefined {
  const month: Point = { grain: 'month', year: ref.year, month: ref.month };
  const candidates: CalendarDay[] = [];
  for (const by of [-1, 0, 1]) {
    const m = shift(month, by);
    if (m.grain === 'month' && day <= daysInMonth(m.year, m.month))
      candidates.push({ year: m.year, month: m.month, day });
  }
  const offset = (d: CalendarDay): number =>
    (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(ref.year, ref.month - 1, ref.day)) / 86_400_000;
  const before = candidates.filter((d) => offset(d) <= 0).at(-1);
  const after = candidates.find((d) => offset(d) >= 0);
  if (tense === 'past') return before;
  if (tense === 'future') return after;
  if (before === undefined) return after;
  if (after === undefined) return before;
  return -offset(before) <= offset(after) ? before : after;
}
