import type { Candidate } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Refiner } from '../engine/rule';

/**
 * Joins a clock time with the day next to it: "9 a.m. EST Tuesday", "5 p.m. EST, Nov. 6", "noon Thursday",
 * "Tuesday at 9 a.m." stays two expressions as TimeML annotates it. The day's date replaces the time's default day.
 */
export const dateTimeRefiner: Refiner = {
  name: 'date-time',
  refine(candidates, { text }) {
    const out: Candidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const time = candidates[i];
      const day = candidates[i + 1];
      if (
        time !== undefined &&
        day !== undefined &&
        time.rule === 'time-of-day' &&
        day.type === 'DATE' &&
        /^(?:weekday|deictic-day|month-day-year|day-month-year|numeric-date)$/.test(day.rule) &&
        /^,?\s*(?:on\s+)?$/.test(text.slice(time.end, day.start)) &&
        !/^on/.test(text.slice(time.end, day.start).trim())
      ) {
        out.push(
          candidate('date-time', time.start, day.end, 'TIME', (env) => {
            const d = day.resolve(env);
            const t = time.resolve(env);
            if (d === null || t === null || d.point?.grain !== 'day') return t;
            const clock = t.value.slice(t.value.indexOf('T'));
            return { value: d.value.slice(0, 10) + clock, point: d.point };
          }),
        );
        i++;
        continue;
      }
      if (time !== undefined) out.push(time);
    }
    return out;
  },
};
