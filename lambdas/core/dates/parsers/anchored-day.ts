import { coarsen, dayPoint, formatPoint, type Grain, type Point, shift } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import type { DateMod } from '../types';

const GRAINS: Readonly<Record<string, Grain>> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/**
 * Dates told relative to the one the story is at: "the next day", "the following month", "the day before",
 * "that day", "the same day", "later that year", "earlier that day". Without such a date, publication anchors.
 */
export const anchoredDayParser: Parser = {
  name: 'anchored-day',
  keywords: ['unit', 'partOfDay'],
  reach: 60,
  pattern:
    /\b(?:(?:(earlier|later)\s+)?(that|the same)\s+(day|morning|afternoon|evening|night|week|month|year)|the\s+(next|following|previous|preceding)\s+(day|morning|evening|night)|the\s+(day|night)\s+(before|after))\b/gi,
  extract(m, { text }) {
    const [whole, earlierLater, that, thatUnit, direction, dirUnit, dayWord, beforeAfter] = m;
    let unit: string;
    let offset = 0;
    if (that !== undefined) unit = (thatUnit ?? '').toLowerCase();
    else if (direction !== undefined) {
      unit = (dirUnit ?? '').toLowerCase();
      offset = /^(?:next|following)$/i.test(direction) ? 1 : -1;
    } else {
      // "the day before authorities issued a warrant" relates to an event; only a closed phrase is a date.
      if (!/^\s*(?:[,.;:)"'`]|$)/.test(text.slice(m.index + whole.length, m.index + whole.length + 2)))
        return null;
      unit = (dayWord ?? '').toLowerCase();
      offset = beforeAfter?.toLowerCase() === 'after' ? 1 : -1;
    }
    const grain = GRAINS[unit] ?? 'day';
    const part =
      unit === 'morning'
        ? 'TMO'
        : unit === 'afternoon'
          ? 'TAF'
          : unit === 'evening'
            ? 'TEV'
            : unit === 'night'
              ? 'TNI'
              : '';
    const mod: DateMod | undefined =
      earlierLater === undefined ? undefined : /^earlier$/i.test(earlierLater) ? 'START' : 'END';
    return candidate(
      this.name,
      m.index,
      m.index + whole.length,
      part === '' ? 'DATE' : 'TIME',
      ({ anchor, reference }) => {
        const base: Point =
          anchor !== undefined && coarsen(anchor, grain).grain === grain ? anchor : dayPoint(reference);
        const point = shift(coarsen(base, grain), offset);
        return { value: formatPoint(point) + part, point, anchors: grain === 'day' };
      },
      { mod },
    );
  },
};
