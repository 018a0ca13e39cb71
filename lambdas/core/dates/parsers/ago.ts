import { coarsen, dayPoint, formatPoint, type Grain, type Point, shiftBy } from '../calendar/point';
import type { Resolution, ResolutionEnv } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { NUMBER_SOURCE, parseNumber } from '../lexicon/numbers';

const GRAINS: Readonly<Record<string, Grain>> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  decade: 'year',
};

/**
 * "a year ago", "two weeks ago", "five years earlier", "two days later", "a year before". "ago" counts back from
 * publication; "earlier", "later", "before" and "after" from the date being told, when there is one. A year back
 * from a quarter under discussion is that quarter a year earlier ("the year-ago quarter").
 */
export const agoParser: Parser = {
  name: 'ago',
  keywords: ['ago'],
  reach: 60,
  pattern: new RegExp(
    `\\b(${NUMBER_SOURCE})\\s+(day|week|month|quarter|year|decade)s?\\s+(ago|earlier|later|before|after|from now|hence)\\b`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, numberWord = '', unitWord = '', relation = ''] = m;
    const n = parseNumber(numberWord);
    if (n === null) return null;
    const unit = unitWord.toLowerCase();
    const rel = relation.toLowerCase();
    // "two years after the war" relates to an event, not a date we can place.
    if (
      (rel === 'before' || rel === 'after') &&
      /^\s+(?:the|a|an|his|her|its|their|he|she|it|they|[A-Z])/.test(
        text.slice(m.index + whole.length, m.index + whole.length + 6),
      )
    )
      return null;
    const sign = rel === 'ago' || rel === 'earlier' || rel === 'before' ? -1 : 1;
    const fromAnchor = rel !== 'ago' && rel !== 'from now' && rel !== 'hence';
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', (env) =>
      resolveOffset(env, n, unit, sign, fromAnchor),
    );
  },
};

/** "year-ago", "year-earlier" ("the year-ago quarter" is matched by the quarter rules). */
export const yearAgoAdjectiveParser: Parser = {
  name: 'year-ago-adjective',
  keywords: ['ago'],
  reach: 20,
  pattern: /\b(year|month|week)-(ago|earlier)\b/gi,
  extract(m) {
    const unit = (m[1] ?? '').toLowerCase();
    return candidate(this.name, m.index, m.index + m[0].length, 'DATE', (env) =>
      resolveOffset(env, 1, unit, -1, true),
    );
  },
};

function resolveOffset(
  env: ResolutionEnv,
  n: number | 'X',
  unit: string,
  sign: number,
  fromAnchor: boolean,
): Resolution | null {
  if (n === 'X') return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', anchors: false };
  if (!Number.isInteger(n)) return null;
  const grain = GRAINS[unit];
  if (grain === undefined) return null;
  const amount = unit === 'decade' ? n * 10 : n;
  const anchor = env.anchor;
  const quarter = env.quarterAnchor;
  // A comparison with a year earlier in an earnings story means the same quarter of the year before.
  if (
    (grain === 'year' || grain === 'quarter') &&
    quarter !== undefined &&
    quarter.grain !== 'decade' &&
    quarter.year >= env.reference.year - 1 &&
    Number.isInteger(amount) &&
    amount <= 1
  ) {
    const point = shiftBy(quarter, grain, sign * amount);
    return { value: formatPoint(point), point, anchors: false };
  }
  const told = fromAnchor && anchor !== undefined && anchor.grain === 'day' ? anchor : undefined;
  // "Three decades later, the case was reopened": later than an event the story tells, not than the
  // publication; without a date told before it, there is nothing to count from.
  if (fromAnchor && told === undefined && sign > 0 && env.tense === 'past') return null;
  const base: Point = told ?? dayPoint(env.reference);
  const point =
    grain === 'day'
      ? shiftBy(base, 'day', sign * amount)
      : shiftBy(coarsen(base, grain), grain, sign * amount);
  return { value: formatPoint(point), point, anchors: fromAnchor };
}
