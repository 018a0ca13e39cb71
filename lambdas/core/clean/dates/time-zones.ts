import { daysInMonth } from '../../calendar/days';

/**
 * Fixed UTC offsets (minutes) of the zone abbreviations that news sites print. Ambiguous abbreviations are
 * resolved the way English-language news uses them (`IST` India, `CST` US Central, `BST` British Summer).
 */
const FIXED_OFFSETS: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  WIB: 420,
  ICT: 420,
  HKT: 480,
  SGT: 480,
  PHT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
};

/** US generic zones (`10:42 AM ET`): standard offset; daylight saving adds an hour. */
const US_GENERIC_OFFSETS: Readonly<Record<string, number>> = { ET: -300, CT: -360, MT: -420, PT: -480 };

/** Zone abbreviations {@link zoneOffsetMinutes} understands, longest first for regex alternation. */
export const ZONE_ABBREVIATIONS: readonly string[] = [
  ...Object.keys(FIXED_OFFSETS),
  ...Object.keys(US_GENERIC_OFFSETS),
].sort((a, b) => b.length - a.length);

function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

function lastSunday(year: number, month: number): number {
  const days = daysInMonth(year, month);
  const lastWeekday = new Date(Date.UTC(year, month - 1, days)).getUTCDay();
  return days - lastWeekday;
}

/** Month and day a US daylight-saving period starts and ends, per the rules in force that year. */
function usDstBounds(year: number): { start: [number, number]; end: [number, number] } | undefined {
  if (year >= 2007) return { start: [3, nthSunday(year, 3, 2)], end: [11, nthSunday(year, 11, 1)] };
  if (year >= 1987) return { start: [4, nthSunday(year, 4, 1)], end: [10, lastSunday(year, 10)] };
  if (year >= 1967) return { start: [4, lastSunday(year, 4)], end: [10, lastSunday(year, 10)] };
  return undefined;
}

/**
 * Whether a US local time falls in daylight saving time (changes at 02:00 local). The repeated hour at the
 * end of DST is read as daylight time, its first occurrence.
 */
export function isUsDaylightTime(year: number, month: number, day: number, hour: number): boolean {
  const bounds = usDstBounds(year);
  if (bounds === undefined) return false;
  const key = (m: number, d: number, h: number) => (m * 32 + d) * 24 + h;
  const t = key(month, day, hour);
  return t >= key(bounds.start[0], bounds.start[1], 2) && t < key(bounds.end[0], bounds.end[1], 2);
}

/** UTC offset in minutes of a zone abbreviation at a local time, or `undefined` for an unknown zone. */
export function zoneOffsetMinutes(
  zone: string,
  local: { year: number; month: number; day: number; hour: number },
): number | undefined {
  const upper = zone.toUpperCase();
  const fixed = FIXED_OFFSETS[upper];
  if (fixed !== undefined) return fixed;
  const generic = US_GENERIC_OFFSETS[upper];
  if (generic === undefined) return undefined;
  return generic + (isUsDaylightTime(local.year, local.month, local.day, local.hour) ? 60 : 0);
}

/** Formats an offset in minutes as ISO 8601 `±HH:MM`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
