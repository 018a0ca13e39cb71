import { coarsen, dayPoint, formatPoint, type Point } from '../calendar/point';
import { candidate } from '../engine/helpers';
import type { Parser } from '../engine/rule';

/**
 * Reporting years: "the full year", "the current fiscal year", "for the year", "the fiscal year ended June 30".
 * A year that is said to end ("the year ended Sept. 30") is a twelve-month span; otherwise it is the
 * publication's year.
 */
export const fiscalYearParser: Parser = {
  name: 'fiscal-year',
  keywords: ['unit'],
  reach: 60,
  pattern:
    /\bthe\s+(?:(full|fiscal|current\s+fiscal|current|calendar|latest\s+fiscal)\s+)?year\b(?!-|'s|\s+(?:ago|earlier|before|after|or\s+so))/gi,
  extract(m, { text }) {
    const [whole, qualifier] = m;
    const after = text.slice(m.index + whole.length, m.index + whole.length + 14);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const q = qualifier?.toLowerCase().replace(/\s+/g, ' ');
    if (/^\s+(?:ended|ending|to\s+(?:date|end))\b/i.test(after)) {
      return candidate(this.name, m.index, m.index + whole.length, 'DURATION', () => ({
        value: 'P1Y',
        anchors: false,
      }));
    }
    // "the year" alone is a date only as the reporting period ("for the year", "in the year").
    if (q === undefined && !/\b(?:for|in|during|through|throughout)\s+$/i.test(before)) return null;
    if (q === 'fiscal' && !/\b(?:for|in|during|through|throughout)\s+$/i.test(before)) return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', ({ reference }) => {
      const point: Point = { grain: 'year', year: reference.year };
      return { value: formatPoint(point), point, anchors: false };
    });
  },
};

/**
 * "For the week, the index dropped 3.8%": market and sales reports sum up the publication's week or month.
 * Only after "for" and when the phrase closes a clause, so "the week after the attack" stays untagged.
 */
export const reportingPeriodParser: Parser = {
  name: 'reporting-period',
  keywords: ['unit'],
  reach: 30,
  pattern: /\bfor\s+(the\s+(week|month))\s*(?=[,.;:])/gi,
  extract(m) {
    const [whole, phrase = '', unitWord = ''] = m;
    const grain = unitWord.toLowerCase() === 'week' ? 'week' : 'month';
    const start = m.index + whole.indexOf(phrase);
    return candidate(this.name, start, start + phrase.length, 'DATE', ({ reference }) => {
      const point = coarsen(dayPoint(reference), grain);
      return { value: formatPoint(point), point, anchors: false };
    });
  },
};
