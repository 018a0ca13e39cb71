import { MONTH_BEFORE_DAY_SOURCE, MONTH_SOURCE, parseMonth } from '../../calendar/months';
import { parseDirection, resolveYearOf } from '../anchoring/direction';
import { formatPoint, type Point } from '../calendar/point';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';

/** "July 1997", "January of 1998", "Sept 2023" (an abbreviation without its period only before the year). */
export const monthYearParser: Parser = {
  name: 'month-year',
  keywords: ['month'],
  reach: 10,
  pattern: new RegExp(
    `\\b(${MONTH_BEFORE_DAY_SOURCE}),?\\s+(?:of\\s+)?((?:1[5-9]|20)\\d\\d)\\b(?!\\s*(?:%|\\d))`,
    'gi',
  ),
  extract(m) {
    const [whole, monthWord = '', yearText = ''] = m;
    if (!isCapitalized(monthWord)) return null;
    const point: Point = { grain: 'month', year: Number(yearText), month: parseMonth(monthWord) };
    return candidate(this.name, m.index, m.index + whole.length, 'DATE', () => ({
      value: formatPoint(point),
      point,
    }));
  },
};

// Words after which a bare "May" or "March" is the month rather than the verb or a surname.
const MONTH_CONTEXT =
  /\b(?:in|since|until|till|by|of|from|through|during|before|after|last|next|this|early|late|mid|end|beginning|start|between|and|or|on|to|as of|each|every)\s*-?\s*$/i;
const AMBIGUOUS = new Set(['may', 'march']);

/**
 * A month name alone ("in October", "last May", "next March"). Capitalised only; "May" and "March" need a
 * preposition or direction word before them; a capitalised word right after suggests a name ("April Glaspie").
 */
export const monthNameParser: Parser = {
  name: 'month-name',
  keywords: ['month'],
  reach: 30,
  pattern: new RegExp(
    `\\b(?:(last|next|this|past|coming)\\s+)?(${MONTH_SOURCE})(?![\\w-])(?!\\s*\\d)(?:,?\\s+(this|next|last)\\s+year\\b|\\s+([A-Z][a-z]+))?`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, dirWord, monthWord = '', yearWord, following] = m;
    if (!isCapitalized(monthWord)) return null;
    const nextWord = following !== undefined && isCapitalized(following) ? following : undefined;
    const monthStart = m.index + m[0].indexOf(monthWord, dirWord === undefined ? 0 : dirWord.length);
    const before = text.slice(Math.max(0, monthStart - 20), monthStart);
    const after = text.slice(monthStart + monthWord.length, monthStart + monthWord.length + 16);
    // "the March accession": after "the" and before a lower-case noun, the month modifies the noun.
    const attributive =
      /\bthe\s+$/i.test(before) &&
      /^\s+(?!(?:on|of|to|for|in|at|against|through|and|or|from|by)\b)[a-z]{3,}/.test(after);
    const hasContext = dirWord !== undefined || MONTH_CONTEXT.test(before) || attributive;
    const lower = monthWord.toLowerCase().replace('.', '');
    if (AMBIGUOUS.has(lower) && !hasContext) return null;
    if (nextWord !== undefined && !hasContext && !/^(?:and|or|to|through)$/i.test(nextWord)) return null;
    if (nextWord !== undefined && lower === 'may' && !dirWord) {
      // "in May Day parades" and the like are rare; "May" + capitalised word is usually a name.
      if (!/\b(?:in|since|until|by|last|early|late|mid)\s*-?\s*$/i.test(before)) return null;
    }
    const month = parseMonth(monthWord);
    const direction = parseDirection(dirWord);
    const start = dirWord === undefined ? monthStart : m.index;
    const end = yearWord === undefined ? monthStart + monthWord.length : m.index + whole.length;
    const yearShift =
      yearWord === undefined ? undefined : { this: 0, next: 1, last: -1 }[yearWord.toLowerCase()];
    // "runs through September", "until March": a deadline lies ahead unless the sentence looks back.
    const deadline = dirWord === undefined && /\b(?:until|till|through|by)\s+$/i.test(before);
    return candidate(this.name, start, end, 'DATE', ({ reference, tense: told }) => {
      const tense = deadline && told !== 'past' ? 'future' : told;
      let year: number;
      if (yearShift !== undefined) year = reference.year + yearShift;
      else if (direction === 'last') year = month < reference.month ? reference.year : reference.year - 1;
      else if (direction === 'next') year = month > reference.month ? reference.year : reference.year + 1;
      else if (direction === 'this') year = reference.year;
      else year = resolveYearOf(reference, month, undefined, tense);
      const point: Point = { grain: 'month', year, month };
      return { value: formatPoint(point), point };
    });
  },
};
