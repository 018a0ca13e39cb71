import type { Candidate } from '../engine/candidate';
import { withChanges } from '../engine/helpers';
import type { Refiner } from '../engine/rule';
import type { DateMod } from '../types';

// Words before a date that narrow it to a part ("early December", "the end of 1990", "mid-1990").
const POINT_MODS: ReadonlyArray<readonly [RegExp, DateMod]> = [
  [/(?:^|\s)(?:the\s+)?(?:end|close)\s+of\s+$/i, 'END'],
  [/(?:^|\s)(?:the\s+)?(?:beginning|start)\s+of\s+$/i, 'START'],
  [/(?:^|\s)(?:the\s+)?middle\s+of\s+$/i, 'MID'],
  [/(?:^|\s)(?:the\s+)?early\s*[- ]\s*$/i, 'START'],
  [/(?:^|\s)(?:the\s+)?late\s*[- ]\s*$/i, 'END'],
  [/(?:^|\s)mid\s*-\s*$|(?:^|\s)mid\s+$/i, 'MID'],
  [/(?:^|\s)(?:around|about|approximately|roughly)\s+$/i, 'APPROX'],
  [/(?:^|\s)post-$/i, 'AFTER'],
  [/(?:^|\s)pre-$/i, 'BEFORE'],
];

// Words before a duration that bound it ("more than four hours", "at least 72 hours", "nearly two months").
const DURATION_MODS: ReadonlyArray<readonly [RegExp, DateMod]> = [
  [/(?:^|\s)(?:more\s+than|over|longer\s+than)\s+$/i, 'MORE_THAN'],
  [/(?:^|\s)(?:less\s+than|under|fewer\s+than|nearly|almost|shorter\s+than)\s+$/i, 'LESS_THAN'],
  [/(?:^|\s)(?:at\s+least|no\s+less\s+than)\s+$/i, 'EQUAL_OR_MORE'],
  [/(?:^|\s)(?:up\s+to|no\s+more\s+than|at\s+most|within)\s+$/i, 'EQUAL_OR_LESS'],
  [/(?:^|\s)(?:about|around|approximately|roughly|some)\s+$/i, 'APPROX'],
];

/**
 * Extends a candidate over the modifier words before it and sets its `mod`. TimeML keeps the modifier inside the
 * expression ("early December" is one TIMEX3 with mod START).
 */
export const modifierRefiner: Refiner = {
  name: 'modifier',
  refine(candidates, { text }) {
    return candidates.map((c) => {
      if (c.mod !== undefined || c.type === 'SET') return c;
      const before = text.slice(Math.max(0, c.start - 24), c.start);
      const table = c.type === 'DURATION' ? DURATION_MODS : POINT_MODS;
      for (const [pattern, mod] of table) {
        const m = pattern.exec(before);
        if (m === null) continue;
        const lead = m[0].replace(/^\s/, '');
        return withChanges(c, { start: c.start - lead.length, mod });
      }
      return c;
    });
  },
};

/** Candidates from an ordered configuration, sorted; refiners may rely on document order. */
export function sortCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
}
