import { dayPoint, formatPoint } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { MONTH_SOURCE, WEEKDAY_SOURCE } from '../lexicon/calendar-words';

const DAY_WORD = new RegExp(`^\\s+(?:${WEEKDAY_SOURCE}|${MONTH_SOURCE}|today|tomorrow|yesterday)`, 'i');

const ZONE = '(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\\s+time))?';

/**
 * Clock times: "10:35 a.m.", "9 a.m. EST", "10 p.m", "noon", "midnight", "4 in the morning". The day is the
 * date being told (publication by default); the date-time refiner joins a following day ("noon Thursday").
 */
export const timeOfDayParser: Parser = {
  name: 'time-of-day',
  trigger: /[ap]\.?\s?m\b|noon|midnight|midday|in\s+the\s+(?:morning|afternoon|evening)|\d:\d\d/i,
  pattern: new RegExp(
    `\\b(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.\\s?m\\b\\.?|p\\.\\s?m\\b\\.?|am\\b|pm\\b)|(\\d{1,2})\\s+in\\s+the\\s+(morning|afternoon|evening)|(\\d{1,2}):(\\d{2})(?=\\s+(?:GMT|EST|EDT|UTC|local))|(noon|midnight|midday))${ZONE}`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, h1, min1, ampm, h2, part, h3, min3, named] = m;
    let hour: number;
    let minute = 0;
    if (h1 !== undefined) {
      hour = Number(h1);
      minute = min1 === undefined ? 0 : Number(min1);
      if (hour < 1 || hour > 12) return null;
      if (/^p/i.test(ampm ?? '') && hour !== 12) hour += 12;
      if (/^a/i.test(ampm ?? '') && hour === 12) hour = 0;
    } else if (h2 !== undefined) {
      hour = Number(h2);
      if (hour < 1 || hour > 12) return null;
      if (part?.toLowerCase() !== 'morning' && hour !== 12) hour += 12;
    } else if (h3 !== undefined) {
      hour = Number(h3);
      minute = Number(min3);
    } else {
      if (/\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) return null;
      hour = named?.toLowerCase() === 'midnight' ? 24 : 12;
    }
    if (hour > 24 || minute > 59) return null;
    let end = m.index + whole.length;
    // A sentence-final "p.m." lends its period to the sentence; before a day name ("10 p.m. Wednesday") it does not.
    const next = text.slice(end, end + 12);
    if (text[end - 1] === '.' && (end === text.length || (/^\s+[A-Z]/.test(next) && !DAY_WORD.test(next))))
      end -= 1;
    const clock = `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return candidate(this.name, m.index, end, 'TIME', ({ anchor, reference }) => {
      const day = anchor !== undefined && anchor.grain === 'day' ? anchor : dayPoint(reference);
      return { value: formatPoint(day) + clock, point: day, anchors: false };
    });
  },
};
