import { MONTH_BEFORE_DAY_SOURCE, parseMonth } from '../../calendar/months';
import { resolveQuarterYear, resolveYearOf } from '../anchoring/direction';
import { coarsen, dayPoint, formatPoint, type Point, shift } from '../calendar/point';
import type { ResolutionEnv } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { ORDINAL_SOURCE, parseOrdinal } from '../lexicon/numbers';

const YEAR = '(?:19|20)\\d\\d';

/**
 * Quarters: "the third quarter", "third-quarter", "the fourth quarter of 1990", "the 1988 second quarter",
 * "fiscal second-quarter", "last year's fourth quarter", "next year's first quarter". Without a year it is the
 * latest quarter of that number, unless the sentence looks ahead.
 */
export const quarterParser: Parser = {
  name: 'quarter',
  keywords: ['quarter'],
  reach: 100,
  pattern: new RegExp(
    `\\b(?:(the|its|their|this\\s+year's|last\\s+year's|next\\s+year's)\\s+)?(?:(${YEAR})(?:'s)?\\s+)?(?:(year-ago|year-earlier)\\s+)?(?:(?:fiscal|calendar)[- ])?(${ORDINAL_SOURCE}|final|last)[- ](?:fiscal[- ])?(quarter|half)(?:\\s+of\\s+(?:(?:fiscal\\s+|calendar\\s+)?(${YEAR})|(this|last|next)\\s+year|the\\s+(?:current|fiscal|calendar)\\s+year))?\\b(?!-(?:old))`,
    'gi',
  ),
  extract(m) {
    const [whole, det, leadYear, yearBack, ordinalWord = '', unitWord = '', ofYear, ofRelative] = m;
    const half = unitWord.toLowerCase() === 'half';
    const ordinal = /^(?:final|last)$/i.test(ordinalWord) ? (half ? 2 : 4) : parseOrdinal(ordinalWord);
    if (ordinal === null || (half && ordinal > 2)) return null;
    const detLower = det?.toLowerCase().replace(/\s+/g, ' ');
    const relative = detLower?.startsWith('last')
      ? -1
      : detLower?.startsWith('next')
        ? 1
        : detLower?.startsWith('this')
          ? 0
          : ofRelative === undefined
            ? undefined
            : ofRelative.toLowerCase() === 'last'
              ? -1
              : ofRelative.toLowerCase() === 'next'
                ? 1
                : 0;
    const explicitYear = leadYear ?? ofYear;
    // The determiner belongs to a noun phrase ("the third quarter") but not to an adjective ("the third-quarter
    // loss"), where it determines the noun after.
    const adjective = /[-](?:quarter|half)$/i.test(whole.replace(/\s+of\s+.*$/i, ''));
    const start = adjective ? m.index + (/^(?:the|its|their)\s+/i.exec(whole)?.[0].length ?? 0) : m.index;
    return candidate(this.name, start, m.index + whole.length, 'DATE', ({ reference, tense }) => {
      let year: number;
      if (explicitYear !== undefined) year = Number(explicitYear);
      else if (relative !== undefined) year = reference.year + relative;
      else if (half)
        year =
          ordinal * 2 > Math.ceil(reference.month / 3) && tense !== 'future'
            ? reference.year - 1
            : reference.year;
      else year = resolveQuarterYear(reference, ordinal, tense);
      const point: Point = half
        ? { grain: 'half', year, half: ordinal }
        : { grain: 'quarter', year, quarter: ordinal };
      // "the year-ago third quarter" is the comparison quarter; it does not become the one under discussion.
      if (yearBack !== undefined) {
        const back = shift(point, -4);
        return { value: formatPoint(back), point: back, anchors: false };
      }
      return { value: formatPoint(point), point };
    });
  },
};

/**
 * Quarters named by their place in the story: "the quarter", "the latest quarter", "the current quarter",
 * "the year-ago quarter", "the comparable period", "the previous quarter", "the 1988 quarter".
 */
export const contextualQuarterParser: Parser = {
  name: 'contextual-quarter',
  keywords: ['quarter'],
  reach: 100,
  pattern: new RegExp(
    `\\b(?:(the|this|that|last\\s+year's)\\s+)?(?:(latest|current|most\\s+recent|recent|just-ended|year-ago|year-earlier|year-before|comparable|corresponding|same|previous|prior|(?:${YEAR})|first|second|third|fourth)\\s+)?(?:(fiscal)\\s+)?(quarter|period)(?:\\s+(a\\s+year\\s+(?:ago|earlier)|last\\s+year|of\\s+last\\s+year|a\\s+year\\s+before))?\\b(?!-)`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, det, qualifier, , unitWord = '', yearBack] = m;
    const q = qualifier?.toLowerCase().replace(/\s+/g, ' ');
    const d = det?.toLowerCase().replace(/\s+/g, ' ');
    const isPeriod = unitWord.toLowerCase() === 'period';
    if (q !== undefined && /^(?:first|second|third|fourth)$/.test(q)) return null;
    // A bare "period" is too vague; it counts only when qualified as the latest or the year-ago one.
    if (
      isPeriod &&
      (q === undefined || q === 'current' || q === 'recent' || q === 'previous' || q === 'prior')
    ) {
      if (yearBack === undefined) return null;
    }
    if (d === undefined && q === undefined && yearBack === undefined) return null;
    if (d === 'that' && q === undefined) return null;
    const back = yearBack !== undefined || d === "last year's" || (q !== undefined && /^year-/.test(q));
    const end = isPeriod || back ? null : endDateAfter(text, m.index + whole.length);
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', (env) => {
      // A quarter the story already numbered (often the company's fiscal numbering) stays the one meant.
      if (end !== null && env.quarterAnchor?.grain !== 'quarter') {
        const point = quarterEnding(env, end);
        return { value: formatPoint(point), point };
      }
      let point = latestQuarter(env, d === 'this' && q === undefined ? 'current' : q);
      if (point === null) return null;
      const explicitYear = q !== undefined && /^\d{4}$/.test(q);
      if (explicitYear && point.grain === 'quarter') point = { ...point, year: Number(q) };
      if (back) point = shift(point, -4);
      // "the year-ago quarter" and "the 1988 quarter" are comparisons, not the quarter the story is about.
      return { value: formatPoint(point), point, anchors: !back && !explicitYear };
    });
  },
};

const ENDED_ON = new RegExp(
  `^\\s+(?:that\\s+|which\\s+)?(?:ended|ending|ends)\\s+(${MONTH_BEFORE_DAY_SOURCE})\\s+(\\d{1,2})\\b(?:,?\\s+(${YEAR}))?`,
  'i',
);

interface EndDate {
  readonly month: number;
  readonly day: number;
  readonly year: number | undefined;
}

/** The day a quarter is said to end on ("the quarter ended Sept. 30"), if the words after it give one. */
function endDateAfter(text: string, from: number): EndDate | null {
  const e = ENDED_ON.exec(text.slice(from, from + 40));
  if (e === null) return null;
  const month = parseMonth(e[1] ?? '');
  const day = Number(e[2]);
  if (month === 0 || day < 1 || day > 31) return null;
  return { month, day, year: e[3] === undefined ? undefined : Number(e[3]) };
}

/**
 * The calendar quarter of a three-month period with a given last day: the one holding its middle, so a
 * quarter ended July 31 (May to July) is the second and one ended Sept. 30 the third. The company's own
 * numbering of a fiscal quarter is only known when the text gives it ("the fiscal-first quarter").
 */
function quarterEnding(env: ResolutionEnv, end: EndDate): Point {
  const year =
    end.year ?? resolveYearOf(env.reference, end.month, end.day, env.tense === 'future' ? 'future' : 'past');
  const middle = new Date(Date.UTC(year, end.month - 1, end.day - 45));
  return {
    grain: 'quarter',
    year: middle.getUTCFullYear(),
    quarter: Math.floor(middle.getUTCMonth() / 3) + 1,
  };
}

function latestQuarter(env: ResolutionEnv, qualifier: string | undefined): Point | null {
  const current = coarsen(dayPoint(env.reference), 'quarter');
  if (qualifier === 'current') return current;
  if (qualifier === 'previous' || qualifier === 'prior') {
    const base = env.quarterAnchor?.grain === 'quarter' ? env.quarterAnchor : current;
    return shift(base, -1);
  }
  // The quarter under discussion, else the last one that ended before publication. "The latest quarter" has
  // ended, so a quarter still running (or a forecast one) under discussion does not count for it.
  const completed = shift(current, -1);
  const quarter = env.quarterAnchor;
  if (quarter === undefined || quarter.grain !== 'quarter' || quarter.year < env.reference.year - 1)
    return completed;
  const ended =
    quarter.year * 4 + quarter.quarter <= env.reference.year * 4 + Math.ceil(env.reference.month / 3) - 1;
  if (qualifier !== undefined && /^(?:latest|most recent|recent|just-ended)$/.test(qualifier) && !ended)
    return completed;
  return quarter;
}

/**
 * Business shorthand: "Q3", "Q4 2019", "2019 Q4", "H1 2020", "FY2019", "FY19", "fiscal year 2020". Upper case only
 * ("q3" is a model name more often than a quarter).
 */
export const quarterAbbreviationParser: Parser = {
  name: 'quarter-abbreviation',
  keywords: ['digit', 'fiscalCode'],
  reach: 10,
  pattern:
    /\b(?:(?:((?:19|20)\d\d)\s+)?(Q[1-4]|H[12])(?:[\s'-]*((?:19|20)\d\d|\d\d))?|FY\s?((?:19|20)\d\d|\d\d))\b(?!-\w)/g,
  extract(m, { text }) {
    const [whole, leadYear, code = '', tailYear, fiscalYear] = m;
    // "the Audi Q3", "an H1 visa": a code after a name or before a noun is a model or a permit, not a quarter.
    if (leadYear === undefined && tailYear === undefined && fiscalYear === undefined) {
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (
        /[A-Z][\w-]*\s+$/.test(before) &&
        !/(?:^|[.!?]\s+)[A-Z][\w-]*\s+$/.test(before) &&
        !/\b(?:In|From|For|By|Since|During)\s+$/.test(before)
      )
        return null;
      if (
        /^\s+(?:visas?|model|series|engine|phone|permits?)\b/i.test(
          text.slice(m.index + whole.length, m.index + whole.length + 10),
        )
      )
        return null;
    }
    const expand = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));
    if (fiscalYear !== undefined) {
      const point: Point = { grain: 'year', year: expand(fiscalYear) };
      return candidate(this.name, m.index, m.index + whole.length, 'DATE', () => ({
        value: formatPoint(point),
        point,
      }));
    }
    const n = Number(code.slice(1));
    const half = code.startsWith('H');
    const explicit = leadYear ?? tailYear;
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', ({ reference, tense }) => {
      const year =
        explicit !== undefined
          ? expand(explicit)
          : half
            ? n * 2 > Math.ceil(reference.month / 3) && tense !== 'future'
              ? reference.year - 1
              : reference.year
            : resolveQuarterYear(reference, n, tense);
      const point: Point = half ? { grain: 'half', year, half: n } : { grain: 'quarter', year, quarter: n };
      return { value: formatPoint(point), point };
    });
  },
};

const QUARTER_ENDING: Readonly<Record<string, number>> = { march: 1, june: 2, september: 3, december: 4 };

/**
 * Quarters named by the month they end in, as Australian and Asian earnings news writes them: "the December
 * quarter", "the June quarter of 2019". Calendar quarters; without a year, the latest of that number.
 */
export const monthQuarterParser: Parser = {
  name: 'month-quarter',
  keywords: ['month'],
  reach: 20,
  pattern: new RegExp(
    `\\bthe\\s+(March|June|September|December)\\s+quarter(?:\\s+of\\s+(${YEAR}))?\\b(?!-)`,
    'g',
  ),
  extract(m) {
    const [whole, month = '', yearText] = m;
    const quarter = QUARTER_ENDING[month.toLowerCase()];
    if (quarter === undefined) return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', ({ reference, tense }) => {
      const year = yearText === undefined ? resolveQuarterYear(reference, quarter, tense) : Number(yearText);
      const point: Point = { grain: 'quarter', year, quarter };
      return { value: formatPoint(point), point };
    });
  },
};
