import { isCalendarDay } from '../../calendar/days';
import type { Point } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';

/**
 * ISO 8601 timestamps as web pages and feeds print them: "2020-02-18T16:45:34.000Z", "2023-10-02 14:30",
 * "2023-10-02T14:30:00+02:00". The value is the clock time as written (`2023-10-02T14:30`, seconds when given);
 * the zone stays in the span, as TimeML values of news times carry none. The unlabeled US news has 4 such
 * timestamps (all `T…Z` embed stamps) against 5 bare ISO dates.
 */
export const isoTimestampParser: Parser = {
  name: 'iso-timestamp',
  keywords: ['digit'],
  reach: 0,
  pattern:
    /(?<![\d/.-])\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z\b|[+-]\d{2}(?::?\d{2})?\b)?(?![\d:])/g,
  extract(m) {
    const [whole, yearText, monthText, dayText, hourText, minuteText, secondText] = m;
    const year = Number(yearText);
    const month = Number(monthText);
    const day = Number(dayText);
    const hour = Number(hourText);
    const minute = Number(minuteText);
    if (!isCalendarDay(year, month, day)) return null;
    if (hour > 23 || minute > 59 || (secondText !== undefined && Number(secondText) > 59)) return null;
    const point: Point = { grain: 'day', year, month, day };
    const clock = `${hourText}:${minuteText}${secondText === undefined ? '' : `:${secondText}`}`;
    const value = `${yearText}-${monthText}-${dayText}T${clock}`;
    return candidate(this.name, m.index, m.index + whole.length, 'TIME', () => ({
      value,
      point,
      anchors: false,
    }));
  },
};
