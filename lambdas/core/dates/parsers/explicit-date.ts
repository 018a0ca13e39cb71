import { daysInMonth } from '../../calendar/days';
import { MONTH_BEFORE_DAY_SOURCE, parseMonth } from '../../calendar/months';
import { resolveYearOf } from '../anchoring/direction';
import { formatPoint, type Point } from '../calendar/point';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { WEEKDAY_OR_ABBREVIATION_SOURCE } from '../lexicon/calendar-words';

const YEAR = '(?:1[5-9]|20|21)\\d\\d';
const SECOND_DAY = /^\s+(?:and|or|to|through)\s+(\d{1,2})(?![\d%\w]|[,.:]\d)/;
// "The Sun 2 October": after "the", an abbreviation is a name.
const WEEKDAY_BEFORE = new RegExp(`(?<!\\bthe\\s+)\\b(${WEEKDAY_OR_ABBREVIATION_SOURCE}),?\\s+$`, 'i');

/**
 * "Aug. 7", "August 7, 1998", "Friday, Oct. 23", "Oct 23 1999". Without a year, the sentence's tense picks the
 * previous or next occurrence around the publication date.
 */
export const monthDayYearParser: Parser = {
  name: 'month-day-year',
  keywords: ['month'],
  reach: 10,
  pattern: new RegExp(
    `\\b(${MONTH_BEFORE_DAY_SOURCE})\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(${YEAR})\\b)?(?!\\s*(?:%|percent|\\d|:\\d)|/)`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, monthWord = '', dayText = '', yearText] = m;
    if (!isCapitalized(monthWord)) return null;
    // A weekday before the date belongs to it ("Friday, Oct. 23"); checked here because a leading optional
    // group would make the regex try every position twice.
    const lead = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    const start = lead !== null && isCapitalized(lead[1] ?? '') ? m.index - lead[0].length : m.index;
    const month = parseMonth(monthWord);
    const first = dayCandidate(this.name, start, m.index + whole.length, month, Number(dayText), yearText);
    // "April 24 and 25": the second day shares the month (and year) of the first.
    const more =
      yearText === undefined
        ? SECOND_DAY.exec(text.slice(m.index + whole.length, m.index + whole.length + 12))
        : null;
    if (first === null || more === null) return first;
    const secondStart = m.index + whole.length + more[0].length - (more[1]?.length ?? 0);
    const second = dayCandidate(
      this.name,
      secondStart,
      secondStart + (more[1]?.length ?? 0),
      month,
      Number(more[1]),
      undefined,
    );
    return second === null ? first : [first, second];
  },
};

/** "7 August 1998", "Monday, 2 October 2023", "the 5th of May" (day before month, as British and wire copy write it). */
export const dayMonthYearParser: Parser = {
  name: 'day-month-year',
  keywords: ['month'],
  reach: 30,
  pattern: new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_BEFORE_DAY_SOURCE.replace('(?=\\s+\\d)', '(?=[\\s,.])')})(?![a-z])(?:,?\\s*(${YEAR})\\b)?`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, dayText = '', monthWord = '', yearText] = m;
    if (!isCapitalized(monthWord)) return null;
    // A weekday before the date belongs to it ("Monday, 2 October 2023": 6 of the 140 day-first dates with a year
    // in the unlabeled US news carry one); its comma is not a list's.
    const lead = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    const weekday = lead !== null && isCapitalized(lead[1] ?? '');
    // "5 May" after a number is a list or a quantity ("1, 5 May", "1.5 May"); a sentence's period is not.
    // A clock time before it is a time stamp's ("14:30, 2 October 2023").
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (!weekday && /\d\s*[,.]?\s*$/.test(before) && !/\b\d{1,2}:\d{2},?\s+$/.test(before)) return null;
    return dayCandidate(
      this.name,
      weekday ? m.index - (lead?.[0].length ?? 0) : m.index,
      m.index + whole.length,
      parseMonth(monthWord),
      Number(dayText),
      yearText,
    );
  },
};

function dayCandidate(
  rule: string,
  start: number,
  end: number,
  month: number,
  day: number,
  yearText: string | undefined,
) {
  if (month < 1 || month > 12 || day < 1) return null;
  // Checked here, not at resolution, so that an impossible date leaves its year to the year rule.
  if (day > daysInMonth(yearText === undefined ? 2000 : Number(yearText), month)) return null;
  return candidate(rule, start, end, 'DATE', ({ reference, tense }) => {
    const year = yearText === undefined ? resolveYearOf(reference, month, day, tense) : Number(yearText);
    if (day > daysInMonth(year, month)) return null;
    const point: Point = { grain: 'day', year, month, day };
    return { value: formatPoint(point), point };
  });
}
