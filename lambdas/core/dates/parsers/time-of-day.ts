import { MONTH_BEFORE_DAY_SOURCE, MONTH_SOURCE } from '../../calendar/months';
import { dayPoint, formatPoint } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { WEEKDAY_SOURCE } from '../lexicon/calendar-words';

const DAY_WORD = new RegExp(`^\\s+(?:${WEEKDAY_SOURCE}|${MONTH_SOURCE}|today|tomorrow|yesterday)`, 'i');

// Zones after a clock time, by evidence: in the unlabeled US news 2,393 a.m./p.m. times carry an abbreviation, 2,154 of
// them "ET" (then EST 62, EDT 61, PST 24, CT 20, PDT 19, PT 17, GMT 11, MT 10, CST 6, CDT 5, KST 3), and 116 a zone
// word ("10 a.m. Eastern time", "8 pm Eastern"). "Central" and "Mountain" need "time" ("3 p.m. Central Park").
const US_ZONE = '[ECMP][SD]?T';
const ZONE_WORD =
  '(?:Eastern|Pacific)(?:\\s+(?:Standard|Daylight))?(?:\\s+time)?|(?:Central|Mountain)(?:\\s+(?:Standard|Daylight))?\\s+time';
const ZONE = `(?:\\s+(?:${US_ZONE}|GMT|UTC|BST|CET|CEST|KST|JST|${ZONE_WORD}|local\\s+time)\\b)?`;
// A 24-hour clock reading is only safe where 24-hour time is the convention: "11:15 EST" on an election night is
// 11:15 p.m. and "UPDATE at 1:30 ET" an afternoon, so US zones take it only past noon or with a leading zero.
// A time stamp's clock time before its dated day ("14:30, 2 October 2023") is 24-hour time too.
const CLOCK_ZONE = `(?=\\s+(?:GMT|UTC|BST|CET|CEST|KST|JST|local|${US_ZONE}\\b)|,\\s+(?:\\d{1,2}\\s+${MONTH_BEFORE_DAY_SOURCE}|${MONTH_BEFORE_DAY_SOURCE}\\s*\\d{1,2},?)\\s+(?:19|20)\\d\\d)`;
// The pattern ignores case for "A.M." and "Noon"; zone abbreviations must be capitals ("p.m. Mt. Vernon").
const ABBREVIATION_AT_END = /\s+([A-Za-z]{2,4})$/;

/**
 * Clock times: "10:35 a.m.", "9 a.m. EST", "10 p.m", "noon", "midnight", "4 in the morning". The day is the
 * date being told (publication by default); the date-time refiner joins a following day ("noon Thursday").
 */
export const timeOfDayParser: Parser = {
  name: 'time-of-day',
  keywords: ['digit', 'clockWord'],
  reach: 0,
  pattern: new RegExp(
    `\\b(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.\\s?m\\b\\.?|p\\.\\s?m\\b\\.?|am\\b|pm\\b)|(\\d{1,2})\\s+in\\s+the\\s+(morning|afternoon|evening)|(\\d{1,2})[:.](\\d{2})${CLOCK_ZONE}|(noon|midnight|midday))${ZONE}`,
    'gi',
  ),
  extract(m, { text }) {
    const [matched, h1, min1, ampm, h2, part, h3, min3, named] = m;
    const zone = ABBREVIATION_AT_END.exec(matched);
    const lowerZone =
      zone !== null &&
      /[a-z]/.test(zone[1] ?? '') &&
      !/^(?:time|eastern|pacific|am|pm)$/i.test(zone[1] ?? '');
    const whole = lowerZone ? matched.slice(0, matched.length - (zone?.[0].length ?? 0)) : matched;
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
      const written = matched.slice(h3.length + 3).trim();
      if (lowerZone || (/^[ECMP][SD]?T$/.test(written) && hour <= 12 && !h3.startsWith('0'))) return null;
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
