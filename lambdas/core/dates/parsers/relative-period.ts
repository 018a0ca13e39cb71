import { applyDirection, type Direction, parseDirection } from '../anchoring/direction';
import {
  coarsen,
  dayPoint,
  formatPoint,
  type Grain,
  type Point,
  SEASONS,
  type Season,
  shift,
} from '../calendar/point';
import type { Candidate, ResolutionEnv } from '../engine/candidate';
import { candidate, isTitle } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { addDays, weekday } from '../reference-date';
import type { DateMod } from '../types';

const GRAINS: Readonly<Record<string, Grain>> = {
  week: 'week',
  month: 'month',
  year: 'year',
  quarter: 'quarter',
  decade: 'decade',
};

const SPAN_VALUES: Readonly<Record<string, string>> = {
  week: 'P1W',
  month: 'P1M',
  year: 'P1Y',
  quarter: 'P3M',
  decade: 'P10Y',
  century: 'P100Y',
};

const SEASON_CODES: Readonly<Record<string, Season>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

/**
 * A calendar period relative to publication: "this week", "last month", "next year", "the previous quarter",
 * "the past year", "this summer", "last fall", "this weekend", "this century".
 */
export const relativePeriodParser: Parser = {
  name: 'relative-period',
  keywords: ['unit', 'season'],
  reach: 40,
  pattern:
    /\b(?:the\s+)?(?:(this|last|next|past|previous|preceding|coming|current|present|following|upcoming)\s+(week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)|(weekend))\b(?!-)(?!\s+old\b)/gi,
  extract(m, { text }) {
    const [whole, dirWord = '', unitWord = '', bareWeekend] = m;
    // A bare "weekend" needs its article: "the weekend" is a date, "weekend traffic" is not.
    if (bareWeekend !== undefined && !/^the\s/i.test(whole)) return null;
    const unit = (bareWeekend ?? unitWord).toLowerCase();
    const direction = parseDirection(dirWord);
    const hasThe = /^the\s/i.test(whole);
    // "This Week" capitalised mid-sentence is a programme title, not a period.
    if (isTitle(whole, m.index, text)) return null;
    const dir = dirWord.toLowerCase();
    // "the following week" and "the previous day" count from the date being told, not from publication.
    const fromAnchor = hasThe && (dir === 'following' || dir === 'previous' || dir === 'preceding');
    const start = m.index;
    const end = m.index + whole.length;
    // "over the next year", "the past decade": spans of time counted from publication, not calendar periods.
    const span = SPAN_VALUES[unit];
    const spanContext =
      hasThe &&
      (dir === 'next' || dir === 'coming') &&
      /\b(?:over|for|during|within|in|throughout)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (
      span !== undefined &&
      (spanContext || (dir === 'past' && (unit === 'decade' || unit === 'century')))
    ) {
      return candidate(this.name, start, end, 'DURATION', () => ({ value: span, anchors: false }));
    }
    return candidate(this.name, start, end, 'DATE', (env) => resolvePeriod(unit, direction, fromAnchor, env));
  },
};

/**
 * The calendar period of a grain around a day. Weeks are ISO weeks, except that a Sunday opens the coming one:
 * news weeks start on Sunday (a Sunday story's "this week" is the week ahead, its "last week" the one just
 * ended), where the ISO week ends.
 */
function periodOf(day: Point, grain: Grain): Point {
  if (grain === 'week' && day.grain === 'day' && weekday(day) === 0)
    return coarsen(dayPoint(addDays(day, 1)), grain);
  return coarsen(day, grain);
}

function resolvePeriod(unit: string, direction: Direction, fromAnchor: boolean, env: ResolutionEnv) {
  const grain = GRAINS[unit];
  const anchor = env.anchor;
  const anchorUsable =
    fromAnchor &&
    anchor !== undefined &&
    (anchor.grain === 'day' || (grain !== undefined && coarsen(anchor, grain).grain === grain));
  const base: Point = anchorUsable && anchor !== undefined ? anchor : dayPoint(env.reference);
  const season = SEASON_CODES[unit];
  if (season !== undefined) return resolveSeason(base, season, direction, env);
  if (unit === 'weekend') {
    if (base.grain !== 'day') return null;
    // The weekend of a Monday-Friday publication that a past-tense sentence talks about is the one before.
    const dow = weekday(base);
    let day: Point = base;
    if (direction === 'last' || (direction === undefined && env.tense === 'past' && dow >= 1 && dow <= 5)) {
      day = dayPoint(addDays(base, -7));
    } else if (direction === 'next') day = dayPoint(addDays(base, 7));
    const week = coarsen(day, 'week');
    return { value: `${formatPoint(week)}-WE`, point: week };
  }
  if (unit === 'century') {
    const year = base.grain === 'day' ? base.year : env.reference.year;
    const century = Math.floor(year / 100) + (direction === 'last' ? -1 : direction === 'next' ? 1 : 0);
    return { value: String(century).padStart(2, '0'), anchors: false };
  }
  if (grain === undefined) return null;
  const point = applyDirection(periodOf(base, grain), direction);
  return { value: formatPoint(point), point, anchors: grain !== 'year' || direction !== undefined };
}

function resolveSeason(base: Point, season: Season, direction: Direction, env: ResolutionEnv) {
  const current = coarsen(base, 'season');
  if (current.grain !== 'season') return null;
  const year = base.grain === 'day' ? base.year : env.reference.year;
  let point: Point = { grain: 'season', year, season };
  const index = (p: Point) => (p.grain === 'season' ? p.year * 4 + SEASONS.indexOf(p.season) : 0);
  if (direction === 'last') {
    while (index(point) >= index(current)) point = shift(point, -4);
    while (index(point) < index(current) - 4) point = shift(point, 4);
  } else if (direction === 'next') {
    while (index(point) <= index(current)) point = shift(point, 4);
  } else if (direction === undefined && env.tense === 'past' && index(point) > index(current)) {
    point = shift(point, -4);
  }
  return { value: formatPoint(point), point };
}

const PART_MODS: Readonly<Record<string, DateMod>> = {
  end: 'END',
  close: 'END',
  beginning: 'START',
  start: 'START',
  middle: 'MID',
};

/**
 * "the end of the year", "the beginning of the week", "the middle of next month": the period with a mod.
 * With a direction the period is relative to publication; "the year" alone is the publication's year.
 */
export const partOfPeriodParser: Parser = {
  name: 'part-of-period',
  keywords: ['unit'],
  reach: 60,
  pattern:
    /\b(?:the\s+)?(end|close|beginning|start|middle)\s+of\s+(?:(the|this|last|next|that)\s+)?(week|month|year|quarter|decade|century)\b/gi,
  extract(m) {
    const [, partWord = '', dirWord, unitWord = ''] = m;
    const mod = PART_MODS[partWord.toLowerCase()];
    const grain = GRAINS[unitWord.toLowerCase()];
    if (grain === undefined) return null;
    return periodCandidate(this.name, m, grain, dirWord, mod);
  },
};

/**
 * A DATE over the whole match: the `grain` period holding the reference day (with "that", the sentence's anchor),
 * moved by the direction word, with `mod`.
 */
function periodCandidate(
  rule: string,
  m: RegExpExecArray,
  grain: Grain,
  dirWord: string | undefined,
  mod: DateMod | undefined,
): Candidate {
  const fromAnchor = dirWord?.toLowerCase() === 'that';
  const direction = parseDirection(dirWord);
  return candidate(
    rule,
    m.index,
    m.index + m[0].length,
    'DATE',
    (env) => {
      const base = fromAnchor && env.anchor !== undefined ? env.anchor : dayPoint(env.reference);
      const point = applyDirection(periodOf(base, grain), direction);
      return { value: formatPoint(point), point, anchors: false };
    },
    { mod },
  );
}

/**
 * "early this week", "late last year": the period with a START or END mod. "earlier this month" is left to the
 * relative-period rule: news annotation keeps "earlier" out of the expression.
 */
export const earlierLaterPeriodParser: Parser = {
  name: 'earlier-later-period',
  keywords: ['unit'],
  reach: 40,
  pattern: /\b(early|late)\s+(this|last|next)\s+(week|month|year|quarter)\b/gi,
  extract(m) {
    const [, when = '', dirWord, unitWord = ''] = m;
    const grain = GRAINS[unitWord.toLowerCase()];
    if (grain === undefined) return null;
    return periodCandidate(this.name, m, grain, dirWord, /^earl/i.test(when) ? 'START' : 'END');
  },
};

/** "year-end", "year's end", "the year's end", "month-end": the end of the publication's period. */
export const periodEndParser: Parser = {
  name: 'period-end',
  keywords: ['unit'],
  reach: 20,
  pattern: /\b(?:the\s+)?(year|month|quarter)(?:-end|'s\s+end|\s+end)\b/gi,
  extract(m) {
    const grain = GRAINS[(m[1] ?? '').toLowerCase()];
    if (grain === undefined) return null;
    return candidate(
      this.name,
      m.index,
      m.index + m[0].length,
      'DATE',
      ({ reference }) => {
        const point = periodOf(dayPoint(reference), grain);
        return { value: formatPoint(point), point, anchors: false };
      },
      { mod: 'END' },
    );
  },
};
