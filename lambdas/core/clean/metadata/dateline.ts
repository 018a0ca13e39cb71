import { isCalendarDay } from '../../calendar/days';
import { CAPITALISED_MONTH_PATTERN, parseMonth } from '../../calendar/months';
import { formatDate } from '../dates/calendar';
import type { Dateline } from '../types';

/**
 * `SEOUL (Reuters) –`, `WASHINGTON (AP) —`, `LONDON, Dec 20 (Reuters) -`, `SEOUL, South Korea (AP) —`,
 * `PARIS —`, `BUFFALO, N.Y. (AP) --`, `WASHINGTON _` (the underscore older wire copy typed for a dash): an
 * upper-case place, optionally a region, a date and an agency in parentheses, then a dash.
 */
const DATELINE_HEAD =
  "^(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'’ -]*?\\p{Lu}\\.?(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'’ -]*?)?)" +
  `(?:,\\s*(?<month>${CAPITALISED_MONTH_PATTERN})\\s+(?<day>\\d{1,2})(?:,\\s*(?<year>\\d{4}))?)?` +
  '\\s*(?:\\((?<agency>[^()]{1,40})\\))?' +
  '(?:\\s*[-–—]{1,2}|\\s+_{1,2})';
/** A dateline followed by the story's first words. */
const DATELINE = new RegExp(`${DATELINE_HEAD}\\s+\\S`, 'u');
/** A dateline alone on its line, the story starting on the next one. */
const BARE_DATELINE = new RegExp(`${DATELINE_HEAD}\\s*$`, 'u');
/** Bare datelines are short; longer lines are not tried (the pattern backtracks over capitals). */
const MAX_BARE_LENGTH = 80;

/** Lower-case words inside place names (`Rio de Janeiro`, `Stratford-upon-Avon`). */
const PLACE_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'la',
  'le',
  'les',
  'el',
  'al',
  'of',
  'upon',
  'on',
  'am',
  'an',
  'der',
  'sur',
  'en',
]);

function titleCaseWord(word: string, first: boolean): string {
  if (word.includes('.') || word.length <= 1) return word;
  const lower = word.toLowerCase();
  if (!first && PLACE_PARTICLES.has(lower)) return lower;
  return lower.replace(/(^|[-'’])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** `SEOUL` → `Seoul`, `NEW YORK` → `New York`, `RIO DE JANEIRO` → `Rio de Janeiro`; mixed case is kept. */
function normalisePlace(place: string): string {
  return place
    .split(/,\s*/)
    .map((part) => {
      if (/\p{Ll}/u.test(part)) return part.trim();
      return part
        .trim()
        .split(/\s+/)
        .map((w, i) => titleCaseWord(w, i === 0))
        .join(' ');
    })
    .join(', ');
}

/** A dateline read from the start of the first paragraph, with its date when it has one. */
export interface DatelineMatch {
  readonly dateline: Dateline;
  /** The dateline's own date: `YYYY-MM-DD` when it has a year or one could be inferred. */
  readonly date?: string;
}

function inferYear(month: number, day: number, referenceDate: string | undefined): number | undefined {
  const ref = referenceDate === undefined ? undefined : /^(\d{4})-(\d{2})-(\d{2})/.exec(referenceDate);
  if (!ref) return undefined;
  const year = Number(ref[1]);
  const refKey = Number(ref[2]) * 100 + Number(ref[3]);
  return month * 100 + day <= refKey ? year : year - 1;
}

function isWireDateline(m: RegExpExecArray | null): boolean {
  return (
    m !== null &&
    (m.groups?.agency !== undefined || /^\p{Lu}[\p{Lu}\p{M}.'’ -]{2,}/u.test(m.groups?.place ?? ''))
  );
}

/** True when a line starts with a dateline (used to keep datelines out of titles and subheads). */
export function startsWithDateline(text: string): boolean {
  return isWireDateline(DATELINE.exec(text));
}

/** True when a line is only a dateline (`WARSAW, Poland (AP) _`): never a title, it opens the next line. */
export function isBareDateline(text: string): boolean {
  return text.length <= MAX_BARE_LENGTH && isWireDateline(BARE_DATELINE.exec(text));
}

/**
 * Reads the dateline at the start of a paragraph: place (title-cased), agency, and the date when given.
 * The place must be in capitals, as wire style writes it, so a sentence that starts "Earlier — " is no dateline.
 */
export function readDateline(paragraph: string, referenceDate?: string): DatelineMatch | undefined {
  const m = DATELINE.exec(paragraph);
  const groups = m?.groups;
  if (!groups?.place) return undefined;
  const head = groups.place.split(',')[0]!.trim();
  if (/\p{Ll}/u.test(head) || head.replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  const agency = groups.agency?.trim();
  if (agency === undefined && head.replace(/[^\p{L}]/gu, '').length < 3) return undefined;
  if (agency !== undefined && (!/^\p{Lu}/u.test(agency) || agency.split(/\s+/).length > 4)) return undefined;
  const dateline: Dateline = {
    place: normalisePlace(groups.place),
    ...(agency === undefined ? {} : { agency }),
  };
  const month = parseMonth(groups.month ?? '');
  const day = Number(groups.day);
  if (month === 0) return { dateline };
  const year = groups.year === undefined ? inferYear(month, day, referenceDate) : Number(groups.year);
  if (year === undefined || !isCalendarDay(year, month, day)) return { dateline };
  return { dateline, date: formatDate(year, month, day) };
}
