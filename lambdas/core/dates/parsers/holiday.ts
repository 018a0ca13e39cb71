import { resolveYearOf } from '../anchoring/direction';
import { dayPoint, formatPoint } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { addDays, type CalendarDay, weekday } from '../reference-date';

/** The n-th given weekday of a month (n = -1 for the last one). */
function nthWeekday(year: number, month: number, dow: number, n: number): CalendarDay {
  if (n > 0) {
    const first = { year, month, day: 1 };
    return addDays(first, ((dow - weekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = addDays({ year, month: month + 1 > 12 ? 1 : month + 1, day: 1 }, 0);
  const lastDay = addDays(month === 12 ? { year: year + 1, month: 1, day: 1 } : last, -1);
  return addDays(lastDay, -((weekday(lastDay) - dow + 7) % 7));
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const HOLIDAYS: Readonly<Record<string, (year: number) => CalendarDay>> = {
  'christmas day': (y) => ({ year: y, month: 12, day: 25 }),
  christmas: (y) => ({ year: y, month: 12, day: 25 }),
  'christmas eve': (y) => ({ year: y, month: 12, day: 24 }),
  "new year's day": (y) => ({ year: y, month: 1, day: 1 }),
  "new year's eve": (y) => ({ year: y, month: 12, day: 31 }),
  'independence day': (y) => ({ year: y, month: 7, day: 4 }),
  halloween: (y) => ({ year: y, month: 10, day: 31 }),
  "valentine's day": (y) => ({ year: y, month: 2, day: 14 }),
  'veterans day': (y) => ({ year: y, month: 11, day: 11 }),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  easter: easter,
  'easter sunday': easter,
  'good friday': (y) => addDays(easter(y), -2),
};

/**
 * Holidays with a fixed or computable date: "Christmas", "Thanksgiving Day", "Election Day", "Easter".
 * The year is the publication's unless the tense points to the previous or next one.
 */
export const holidayParser: Parser = {
  name: 'holiday',
  keywords: ['holiday'],
  reach: 30,
  pattern:
    /\b(?:(last|next|this)\s+)?(Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Halloween|Valentine's\s+Day|Veterans\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|Good\s+Friday)(?:,?\s+((?:19|20)\d\d))?\b/g,
  extract(m, { text }) {
    const [whole, dirWord, name = '', yearText] = m;
    const compute = HOLIDAYS[name.toLowerCase().replace(/\s+/g, ' ')];
    if (compute === undefined) return null;
    // "Christmas present", "Christmas tree": the holiday as a modifier is not a date of the story.
    if (
      /^\s+(?:present|presents|tree|trees|card|cards|shopping|season|holidays?|sales|party|message|gift|gifts)\b/i.test(
        text.slice(m.index + whole.length, m.index + whole.length + 12),
      )
    )
      return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', ({ reference, tense }) => {
      let year: number;
      if (yearText !== undefined) year = Number(yearText);
      else {
        const thisYear = compute(reference.year);
        year = resolveYearOf(reference, thisYear.month, thisYear.day, tense);
        const dir = dirWord?.toLowerCase();
        const passed =
          thisYear.month < reference.month ||
          (thisYear.month === reference.month && thisYear.day < reference.day);
        if (dir === 'last') year = passed ? reference.year : reference.year - 1;
        if (dir === 'next') year = passed ? reference.year + 1 : reference.year;
      }
      const point = dayPoint(compute(year));
      return { value: formatPoint(point), point };
    });
  },
};
