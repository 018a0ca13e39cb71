import { withChanges } from '../engine/helpers';
import type { Refiner } from '../engine/rule';
import type { DateMod } from '../types';

/** A modifier pattern (matched against the text just before a candidate) and whether the span takes it in. */
interface ModifierRule {
  readonly pattern: RegExp;
  readonly mod: DateMod;
  readonly extend: boolean;
}

// Words before a date that narrow it to a part ("early December", "the end of 1990", "mid-1990").
const POINT_MODS: readonly ModifierRule[] = [
  { pattern: /(?:^|\s)(?:the\s+)?(?:end|close)\s+of\s+$/i, mod: 'END', extend: true },
  { pattern: /(?:^|\s)(?:the\s+)?(?:beginning|start)\s+of\s+$/i, mod: 'START', extend: true },
  { pattern: /(?:^|\s)(?:the\s+)?middle\s+of\s+$/i, mod: 'MID', extend: true },
  { pattern: /(?:^|\s)(?:the\s+)?early\s+$|(?:^|\s)early-$/i, mod: 'START', extend: true },
  { pattern: /(?:^|\s)(?:the\s+)?late\s+$|(?:^|\s)late-$/i, mod: 'END', extend: true },
  { pattern: /(?:^|\s)mid-$|(?:^|\s)mid\s+$/i, mod: 'MID', extend: true },
  { pattern: /(?:^|\s)(?:approximately|roughly)\s+$/i, mod: 'APPROX', extend: true },
  { pattern: /(?:^|\s)post-$/i, mod: 'AFTER', extend: true },
  { pattern: /(?:^|\s)pre-$/i, mod: 'BEFORE', extend: true },
];

const OR_SO = /^\s+or\s+so\b/;
const DAY_PART = /(?:^|[.!?]\s+|\n\s*)(Earlier|Later)\s+$/;

// "around Nov. 1" hedges a date, but "get around Wednesday's ruling" is a phrasal verb: only numeric dates take it.
const AROUND: ModifierRule = { pattern: /(?:^|\s)(?:around|about)\s+$/i, mod: 'APPROX', extend: true };
const NUMERIC_RULES = new Set([
  'month-day-year',
  'day-month-year',
  'numeric-date',
  'month-year',
  'year',
  'time-of-day',
]);

// Hedges before "N units ago", which TimeML keeps inside the expression ("almost four years ago").
const AGO_MODS: readonly ModifierRule[] = [
  { pattern: /(?:^|\s)(?:nearly|almost|just\s+under)\s+$/i, mod: 'APPROX', extend: true },
  { pattern: /(?:^|\s)(?:more\s+than|over)\s+$/i, mod: 'BEFORE', extend: true },
  { pattern: /(?:^|\s)(?:less\s+than|under)\s+$/i, mod: 'AFTER', extend: true },
  { pattern: /(?:^|\s)(?:about|around|approximately|roughly|some)\s+$/i, mod: 'APPROX', extend: true },
];

// Bounds of a duration. News annotation keeps comparatives inside the span ("more than four hours") but leaves
// hedges outside ("about two weeks"), so hedges only set the mod.
const DURATION_MODS: readonly ModifierRule[] = [
  { pattern: /(?:^|\s)(?:no\s+more\s+than|up\s+to|at\s+most)\s+$/i, mod: 'EQUAL_OR_LESS', extend: true },
  {
    pattern: /(?:^|\s)(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than)\s+$/i,
    mod: 'EQUAL_OR_MORE',
    extend: true,
  },
  { pattern: /(?:^|\s)(?:more\s+than|longer\s+than)\s+$/i, mod: 'MORE_THAN', extend: true },
  { pattern: /(?:^|\s)(?:less\s+than|fewer\s+than|shorter\s+than)\s+$/i, mod: 'LESS_THAN', extend: true },
  { pattern: /(?:^|\s)over\s+$/i, mod: 'MORE_THAN', extend: true },
  { pattern: /(?:^|\s)(?:nearly|almost)\s+$/i, mod: 'LESS_THAN', extend: true },
  { pattern: /(?:^|\s)under\s+$/i, mod: 'LESS_THAN', extend: false },
  { pattern: /(?:^|\s)within\s+$/i, mod: 'EQUAL_OR_LESS', extend: false },
  { pattern: /(?:^|\s)(?:about|around|approximately|roughly|some)\s+$/i, mod: 'APPROX', extend: false },
];

/**
 * Reads the modifier words before a candidate into its `mod`, taking them into the span where TimeML does
 * ("early December" is one TIMEX3 with mod START).
 */
export const modifierRefiner: Refiner = {
  name: 'modifier',
  refine(candidates, { text }) {
    return candidates.map((candidate) => {
      // "the next year or so": the hedge after the expression belongs to it.
      const c = OR_SO.test(text.slice(candidate.end, candidate.end + 7))
        ? withChanges(candidate, {
            end: candidate.end + (OR_SO.exec(text.slice(candidate.end))?.[0].length ?? 0),
            mod: 'APPROX',
          })
        : candidate;
      if (c.mod !== undefined || c.type === 'SET') return c;
      const before = text.slice(Math.max(0, c.start - 24), c.start);
      const own = text.slice(c.start, c.end);
      // "Earlier Sunday", "Later yesterday": part of a named day, kept in the expression.
      const dayPart = /^(?:weekday|deictic-day)$/.test(c.rule) ? DAY_PART.exec(before) : null;
      if (dayPart !== null) {
        const word = dayPart[1] ?? '';
        const lead = before.slice(before.lastIndexOf(word));
        return withChanges(c, { start: c.start - lead.length, mod: word === 'Earlier' ? 'START' : 'END' });
      }
      const table =
        c.type === 'DURATION'
          ? DURATION_MODS
          : c.rule === 'ago'
            ? AGO_MODS
            : NUMERIC_RULES.has(c.rule)
              ? [...POINT_MODS, AROUND]
              : POINT_MODS;
      for (const { pattern, mod, extend } of table) {
        const m = pattern.exec(before);
        if (m === null) continue;
        // "over the past four months" is a period, not "more than" one.
        if (
          mod === 'MORE_THAN' &&
          /^over/i.test(m[0].trim()) &&
          /^(?:the|past|last|next|recent|coming)\b/i.test(own)
        )
          return c;
        if (!extend) return withChanges(c, { mod });
        const lead = m[0].replace(/^\s/, '');
        return withChanges(c, { start: c.start - lead.length, mod });
      }
      return c;
    });
  },
};
