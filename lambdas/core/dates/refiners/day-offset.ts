import { dayPoint, formatPoint, shift } from '../calendar/point';
import type { Candidate } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Refiner } from '../engine/rule';

const LEAD = /(?:^|\s)(?:the\s+)?(day|night)\s+(before|after)\s+$/i;
const DAY_RULES = new Set([
  'weekday',
  'month-day-year',
  'day-month-year',
  'numeric-date',
  'holiday',
  'deictic-day',
]);

/**
 * "the day before last Tuesday's hearing", "the day after Christmas": a day counted from a named day becomes one
 * expression whose value is that day shifted by one. The article stays out, as news annotation has it.
 */
export const dayOffsetRefiner: Refiner = {
  name: 'day-offset',
  refine(candidates, { text }) {
    return candidates.map((c): Candidate => {
      if (!DAY_RULES.has(c.rule)) return c;
      const before = text.slice(Math.max(0, c.start - 24), c.start);
      const m = LEAD.exec(before);
      if (m === null) return c;
      const phrase = before.slice(before.toLowerCase().lastIndexOf((m[1] ?? '').toLowerCase()));
      const offset = (m[2] ?? '').toLowerCase() === 'after' ? 1 : -1;
      return candidate('day-offset', c.start - phrase.length, c.end, 'DATE', (env) => {
        const r = c.resolve(env);
        if (r === null || r.point?.grain !== 'day') return r;
        const point = shift(dayPoint(r.point), offset);
        return { value: formatPoint(point), point };
      });
    });
  },
};
