import { parseNumber } from './numbers';

const TEENS = 'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TWO_DIGITS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))';

/** Regex source of a year in words: "nineteen ninety-six", "two thousand", "two thousand and one". */
export const SPELLED_YEAR_SOURCE = `(?:(?:${TEENS})[- ]${TWO_DIGITS}|two[- ]thousand(?:[- ](?:and[- ])?(?:${TWO_DIGITS}|one|two|three|four|five|six|seven|eight|nine))?)`;

/** The number of a year in words, or null. */
export function parseSpelledYear(raw: string): number | null {
  const s = raw.toLowerCase().replace(/[- ]+/g, ' ').trim();
  const millennium = /^two thousand(?: (?:and )?(.+))?$/.exec(s);
  if (millennium) {
    if (millennium[1] === undefined) return 2000;
    const rest = parseNumber(millennium[1]);
    return typeof rest === 'number' ? 2000 + rest : null;
  }
  const m = /^([a-z]+) (.+)$/.exec(s);
  if (!m) return null;
  const century = parseNumber(m[1] ?? '');
  const tail = m[2] ?? '';
  const rest = tail.startsWith('oh ') ? parseNumber(tail.slice(3)) : parseNumber(tail);
  if (typeof century !== 'number' || typeof rest !== 'number') return null;
  return century * 100 + rest;
}
