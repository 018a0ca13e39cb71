import { daysInMonth } from '../../calendar/days';
import { addDays, type CalendarDay, weekday } from '../reference-date';

/** TimeML season codes, in calendar order (winter is the one that starts in December of its year). */
export const SEASONS = ['SP', 'SU', 'FA', 'WI'] as const;

/** One of {@link SEASONS}. */
export type Season = (typeof SEASONS)[number];

/**
 * A calendar value at some granularity. Parsers produce points so anchoring can shift and coarsen them
 * before they are formatted as TimeML values.
 */
export type Point =
  | { readonly grain: 'day'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly grain: 'week'; readonly year: number; readonly week: number }
  | { readonly grain: 'month'; readonly year: number; readonly month: number }
  | { readonly grain: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly grain: 'half'; readonly year: number; readonly half: number }
  | { readonly grain: 'season'; readonly year: number; readonly season: Season }
  | { readonly grain: 'year'; readonly year: number }
  | { readonly grain: 'decade'; readonly decade: number };

/** The granularity of a {@link Point}. */
export type Grain = Point['grain'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Formats a point as a TimeML value: `2019-12-20`, `2019-W52`, `2019-12`, `2019-Q4`, `2019-H2`, `2019-WI`, `2019`,
 * and a decade as its three leading digits, `201` (TimeML 1.2.1 and TimeBank: "the 1990s" is `199`).
 */
export function formatPoint(p: Point): string {
  switch (p.grain) {
    case 'day':
      return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    case 'week':
      return `${pad(p.year, 4)}-W${pad(p.week, 2)}`;
    case 'month':
      return `${pad(p.year, 4)}-${pad(p.month, 2)}`;
    case 'quarter':
      return `${pad(p.year, 4)}-Q${p.quarter}`;
    case 'half':
      return `${pad(p.year, 4)}-H${p.half}`;
    case 'season':
      return `${pad(p.year, 4)}-${p.season}`;
    case 'year':
      return pad(p.year, 4);
    case 'decade':
      return pad(p.decade, 3);
  }
}

/** A day as a point. */
export function dayPoint(d: CalendarDay): Point {
  return { grain: 'day', year: d.year, month: d.month, day: d.day };
}

/** ISO 8601 week of a day: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek(d: CalendarDay): { year: number; week: number } {
  const thursday = addDays(d, 3 - ((weekday(d) + 6) % 7));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const ordinal = dayOfYear(thursday) - dayOfYear(jan1);
  return { year: thursday.year, week: Math.floor(ordinal / 7) + 1 };
}

function dayOfYear(d: CalendarDay): number {
  return (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(d.year, 0, 1)) / 86_400_000;
}

/** Monday of an ISO week. */
export function mondayOfIsoWeek(year: number, week: number): CalendarDay {
  const jan4 = { year, month: 1, day: 4 };
  const week1Monday = addDays(jan4, -((weekday(jan4) + 6) % 7));
  return addDays(week1Monday, (week - 1) * 7);
}

/** Season of a month (meteorological: winter is December-February, counted in the year of its December). */
export function seasonOf(year: number, month: number): { year: number; season: Season } {
  if (month === 12) return { year, season: 'WI' };
  if (month <= 2) return { year: year - 1, season: 'WI' };
  const season = SEASONS[Math.floor((month - 3) / 3)] ?? 'SP';
  return { year, season };
}

/** Coarsens a point to a granularity (a no-op when it is already that coarse or cannot be). */
export function coarsen(p: Point, grain: Grain): Point {
  if (p.grain === grain) return p;
  if (p.grain === 'day') {
    switch (grain) {
      case 'week': {
        const w = isoWeek(p);
        return { grain: 'week', year: w.year, week: w.week };
      }
      case 'month':
        return { grain: 'month', year: p.year, month: p.month };
      case 'quarter':
        return { grain: 'quarter', year: p.year, quarter: Math.ceil(p.month / 3) };
      case 'half':
        return { grain: 'half', year: p.year, half: p.month <= 6 ? 1 : 2 };
      case 'season':
        return { grain: 'season', ...seasonOf(p.year, p.month) };
      default:
        break;
    }
  }
  if (p.grain === 'month') {
    if (grain === 'quarter') return { grain: 'quarter', year: p.year, quarter: Math.ceil(p.month / 3) };
    if (grain === 'half') return { grain: 'half', year: p.year, half: p.month <= 6 ? 1 : 2 };
    if (grain === 'season') return { grain: 'season', ...seasonOf(p.year, p.month) };
  }
  if (p.grain === 'quarter' && grain === 'half') {
    return { grain: 'half', year: p.year, half: p.quarter <= 2 ? 1 : 2 };
  }
  if (grain === 'year' && p.grain !== 'decade') return { grain: 'year', year: p.year };
  if (grain === 'decade' && p.grain !== 'decade') return { grain: 'decade', decade: Math.floor(p.year / 10) };
  return p;
}

/** Moves a point by `n` units of its own granularity. */
export function shift(p: Point, n: number): Point {
  switch (p.grain) {
    case 'day':
      return dayPoint(addDays(p, n));
    case 'week': {
      const monday = addDays(mondayOfIsoWeek(p.year, p.week), n * 7);
      const w = isoWeek(monday);
      return { grain: 'week', year: w.year, week: w.week };
    }
    case 'month': {
      const index = p.year * 12 + (p.month - 1) + n;
      return { grain: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 };
    }
    case 'quarter': {
      const index = p.year * 4 + (p.quarter - 1) + n;
      return { grain: 'quarter', year: Math.floor(index / 4), quarter: (index % 4) + 1 };
    }
    case 'half': {
      const index = p.year * 2 + (p.half - 1) + n;
      return { grain: 'half', year: Math.floor(index / 2), half: (index % 2) + 1 };
    }
    case 'season': {
      const index = p.year * 4 + SEASONS.indexOf(p.season) + n;
      return { grain: 'season', year: Math.floor(index / 4), season: SEASONS[index % 4] ?? 'SP' };
    }
    case 'year':
      return { grain: 'year', year: p.year + n };
    case 'decade':
      return { grain: 'decade', decade: p.decade + n };
  }
}

/** Moves a point by `n` units of a (possibly coarser or finer) unit, keeping the point's own granularity. */
export function shiftBy(p: Point, unit: Grain, n: number): Point {
  if (unit === p.grain) return shift(p, n);
  const perYear: Partial<Record<Grain, number>> = { month: 12, quarter: 4, half: 2, season: 4 };
  if (unit === 'year' && perYear[p.grain] !== undefined) return shift(p, n * (perYear[p.grain] ?? 1));
  if (unit === 'year' && p.grain === 'day') {
    return {
      grain: 'day',
      year: p.year + n,
      month: p.month,
      day: Math.min(p.day, daysInMonth(p.year + n, p.month)),
    };
  }
  if (unit === 'year' && p.grain === 'week') return { grain: 'week', year: p.year + n, week: p.week };
  if (unit === 'quarter' && p.grain === 'month') return shift(p, n * 3);
  if (unit === 'month' && p.grain === 'day') {
    const m = shift({ grain: 'month', year: p.year, month: p.month }, n);
    if (m.grain !== 'month') return m;
    return { grain: 'day', year: m.year, month: m.month, day: Math.min(p.day, daysInMonth(m.year, m.month)) };
  }
  if (unit === 'week' && p.grain === 'day') return shift(p, n * 7);
  return shift(coarsen(p, unit), n);
}

/** First month (1-12) of a point's period, for the granularities that have one. */
function firstMonth(p: Point): number | undefined {
  switch (p.grain) {
    case 'quarter':
      return (p.quarter - 1) * 3 + 1;
    case 'half':
      return (p.half - 1) * 6 + 1;
    case 'month':
    case 'day':
      return p.month;
    case 'year':
      return 1;
    default:
      return undefined;
  }
}

/** Whether a point's period starts after a day (a month, quarter, half or year not yet begun). */
export function startsAfter(p: Point, d: CalendarDay): boolean {
  const month = firstMonth(p);
  if (month === undefined || p.grain === 'decade') return false;
  const start = p.year * 372 + month * 31 + (p.grain === 'day' ? p.day : 1);
  return start > d.year * 372 + d.month * 31 + d.day;
}
