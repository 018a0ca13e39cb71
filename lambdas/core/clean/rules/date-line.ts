import { parsePublicationDate } from '../dates/parse-date';
import type { LineRule } from './types';

const TRAILING_RESIDUE = /\s+(?:loading(?:\.{2,}|…)?|advertisement)$/i;

/**
 * A line that is only a date or timestamp (`October 30, 1989 10:42 AM ET`, `2019-12-20T08:15:00Z`) above the
 * article: its publication date. Only in the header: in the body such a line may be part of a timeline.
 */
export const dateLineRule: LineRule = {
  id: 'date-line',
  reason: 'publication date line (kept as publishedAt)',
  zones: ['header'],
  match(line) {
    if (line.length > 90) return undefined;
    const publishedAt = parsePublicationDate(line.replace(TRAILING_RESIDUE, ''));
    return publishedAt === undefined ? undefined : { action: 'remove', extracted: { publishedAt } };
  },
};
