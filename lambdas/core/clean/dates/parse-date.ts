import { isCalendarDay } from '../../calendar/days';
import { MONTH_PATTERN, parseMonth } from '../../calendar/months';
import { formatDate, formatTime, isPlausibleYear } from './calendar';
import { formatOffset, ZONE_ABBREVIATIONS, zoneOffsetMinutes } from './time-zones';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface DatePattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => Day | undefined;
}

const num = (s: string | undefined): number => Number(s ?? Number.NaN);

/** Day-first or month-first with slashes: only accepted when one side is over 12, else it is a guess. */
function readSlashed(a: number, b: number, year: number): Day | undefined {
  if (a > 12 && b <= 12) return { year, month: b, day: a };
  if (b > 12 && a <= 12) return { year, month: a, day: b };
  return undefined;
}

/** Date shapes in order of preference; the first that matches is the date of the line. */
const DATE_PATTERNS: readonly DatePattern[] = [
  {
    re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/,
    read: (m) =>
      m[1] !== undefined
        ? { year: num(m[1]), month: num(m[2]), day: num(m[3]) }
        : { year: num(m[4]), month: num(m[5]), day: num(m[6]) },
  },
  {
    re: new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b,?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => {
      const month = parseMonth(m[1] ?? '');
      return month === 0 ? undefined : { year: num(m[3]), month, day: num(m[2]) };
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN}),?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => {
      const month = parseMonth(m[2] ?? '');
      return month === 0 ? undefined : { year: num(m[3]), month, day: num(m[1]) };
    },
  },
  {
    re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/,
    read: (m) => ({ year: num(m[3]), month: num(m[2]), day: num(m[1]) }),
  },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, read: (m) => readSlashed(num(m[1]), num(m[2]), num(m[3])) },
];

const WEEKDAY =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?/gi;
const CLOCK = /(?<![\d:.])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?(?![a-z]))?/i;
const HOUR_ONLY = /(?<![\d:.])(\d{1,2})\s*([ap])\.?\s?m\.?(?![a-z])/i;
const NUMERIC_ZONE = /^\s*\(?\s*(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*\)?/i;
const NAMED_ZONE = new RegExp(`^\\s*\\(?\\s*(${ZONE_ABBREVIATIONS.join('|')})\\b\\s*\\)?`);
const FILLER = /\b(?:at|on)\b|[\s,|·•\-–—/@().]/gi;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function findDate(text: string): { day: Day; rest: string } | undefined {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.re.exec(text);
    if (!m) continue;
    const day = pattern.read(m);
    if (day === undefined) return undefined;
    return { day, rest: blank(text, m.index, m.index + m[0].length) };
  }
  return undefined;
}

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly zone?: string;
  readonly offset?: number;
}

function to24h(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

function findClock(text: string): { clock: Clock; rest: string } | undefined | null {
  let m = CLOCK.exec(text);
  let hour: number | undefined;
  let minute = 0;
  let second = 0;
  if (m) {
    hour = to24h(num(m[1]), m[4]);
    minute = num(m[2]);
    second = m[3] === undefined ? 0 : num(m[3]);
  } else {
    m = HOUR_ONLY.exec(text);
    if (!m) return undefined;
    hour = to24h(num(m[1]), m[2]);
  }
  if (hour === undefined || minute > 59 || second > 59) return null;
  let end = m.index + m[0].length;
  const after = text.slice(end);
  const numeric = NUMERIC_ZONE.exec(after);
  const named = numeric ? null : NAMED_ZONE.exec(after);
  let clock: Clock = { hour, minute, second };
  if (numeric) {
    const h = num(numeric[2]);
    const mm = numeric[3] === undefined ? 0 : num(numeric[3]);
    if (h > 14 || mm > 59) return null;
    clock = { ...clock, offset: (numeric[1] === '-' ? -1 : 1) * (h * 60 + mm) };
    end += numeric[0].length;
  } else if (named?.[1]) {
    clock = { ...clock, zone: named[1] };
    end += named[0].length;
  }
  return { clock, rest: blank(text, m.index, end) };
}

function formatIso(day: Day, clock: Clock | undefined): string | undefined {
  if (!isPlausibleYear(day.year) || !isCalendarDay(day.year, day.month, day.day)) return undefined;
  const date = formatDate(day.year, day.month, day.day);
  if (clock === undefined) return date;
  const time = `${date}T${formatTime(clock.hour, clock.minute, clock.second)}`;
  let offset = clock.offset;
  if (clock.zone !== undefined) {
    if (['Z', 'UTC', 'GMT', 'UT'].includes(clock.zone.toUpperCase())) return `${time}Z`;
    offset = zoneOffsetMinutes(clock.zone, { ...day, hour: clock.hour });
  }
  return offset === undefined ? time : `${time}${formatOffset(offset)}`;
}

function parseIso(text: string): string | undefined | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const day = { year: num(m[1]), month: num(m[2]), day: num(m[3]) };
  if (m[4] === undefined) return formatIso(day, undefined);
  const hour = num(m[4]);
  const minute = num(m[5]);
  const second = m[6] === undefined ? 0 : num(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[7];
  if (zone === undefined) return formatIso(day, { hour, minute, second });
  if (zone.toUpperCase() === 'Z') return formatIso(day, { hour, minute, second, zone: 'Z' });
  const z = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zone);
  const offset = (z?.[1] === '-' ? -1 : 1) * (num(z?.[2]) * 60 + (z?.[3] === undefined ? 0 : num(z[3])));
  if (!(Math.abs(offset) <= 14 * 60)) return undefined;
  return formatIso(day, { hour, minute, second, offset });
}

/**
 * Parses a string that is a publication date and nothing else — `2019-12-20`, `2019-12-20T08:15:00+09:00`,
 * `October 30, 1989 10:42 AM ET`, `Fri 20 Dec 2019 08:15 GMT`, `20.12.2019` — into ISO 8601: a date, or a
 * local timestamp with its offset when a zone was given (US `ET`/`CT`/`MT`/`PT` resolved with the
 * daylight-saving rules of the year). `undefined` when the string holds anything else, or an impossible or
 * ambiguous date (`03/04/2019`).
 */
export function parsePublicationDate(input: string): string | undefined {
  const text = input.trim();
  if (text.length < 6 || text.length > 80) return undefined;
  const iso = parseIso(text);
  if (iso !== null) return iso;
  const date = findDate(text);
  if (date === undefined) return undefined;
  const clockFound = findClock(date.rest.replace(WEEKDAY, (w) => ' '.repeat(w.length)));
  if (clockFound === null) return undefined;
  const rest =
    clockFound === undefined ? date.rest.replace(WEEKDAY, '') : clockFound.rest.replace(WEEKDAY, '');
  if (rest.replace(FILLER, '') !== '') return undefined;
  return formatIso(date.day, clockFound?.clock);
}
