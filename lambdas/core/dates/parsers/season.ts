import { formatPoint, type Point, SEASONS, type Season, seasonOf } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';

const CODES: Readonly<Record<string, Season>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

/**
 * Seasons with a year or an article: "the summer", "summer 1998", "the fall of 1989", "winter". "fall" needs an
 * article or a year (it is mostly a verb); relative ones ("last fall") are the relative-period rule's.
 */
export const seasonParser: Parser = {
  name: 'season',
  keywords: ['season'],
  reach: 20,
  pattern: /\b(?:(the)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b(?![-'])/gi,
  extract(m, { text }) {
    const [whole, the, word = '', yearText] = m;
    const lower = word.toLowerCase();
    if (lower === 'fall' && the === undefined && yearText === undefined) return null;
    // "summer camp", "winter storm": a season as a modifier of a noun is not a date.
    if (
      the === undefined &&
      yearText === undefined &&
      !/\b(?:in|this|during|since|until|by|last|next|through|early|late|mid)\s*-?\s*$/i.test(
        text.slice(Math.max(0, m.index - 10), m.index),
      )
    )
      return null;
    const season = CODES[lower];
    if (season === undefined) return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', ({ reference, tense }) => {
      let year = yearText === undefined ? reference.year : Number(yearText);
      if (yearText === undefined) {
        const now = seasonOf(reference.year, reference.month);
        const ahead = SEASONS.indexOf(season) > SEASONS.indexOf(now.season);
        if (ahead && tense === 'past') year -= 1;
      }
      const point: Point = { grain: 'season', year, season };
      return { value: formatPoint(point), point };
    });
  },
};
