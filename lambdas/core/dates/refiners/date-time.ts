import type { Candidate } from '../engine/candidate';
import { candidate } from '../engine/helpers';
import type { Refiner } from '../engine/rule';

/**
 * Joins a clock time with the day after it: "9 a.m. EST Tuesday", "5 p.m. EST, Nov. 6", "noon Thursday". With "on"
 * between ("11:30 GMT on Monday") the two stay separate expressions but the time takes the day's date. ("Tuesday
 * at 9 a.m." needs nothing: the day, resolved first, anchors the time.)
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
        /^,?\s*(?:on\s+)?$/.test(text.slice(time.end, day.start))
      ) {
        const joined = !/^on/.test(text.slice(time.end, day.start).trim());
        const resolve: Candidate['resolve'] = (env) => {
          const d = day.resolve(env);
          const t = time.resolve(env);
          if (d === null || t === null || d.point?.grain !== 'day') return t;
          const clock = t.value.slice(t.value.indexOf('T'));
          return { value: d.value.slice(0, 10) + clock, point: d.point, anchors: false };
        };
        if (joined) {
          out.push(candidate('date-time', time.start, day.end, 'TIME', resolve));
          i++;
        } else out.push({ ...time, resolve });
        continue;
      }
      if (time !== undefined) out.push(time);
    }
    return out;
  },
};
