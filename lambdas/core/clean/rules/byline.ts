import { parsePublicationDate } from '../dates/parse-date';
import { splitNames } from '../document/person-names';
import type { Extracted, LineRule } from './types';

const BY = /^(?:by|von|par|por|door)\s+(.+)$/i;
const PART_SEPARATOR = /\s+[|·•]\s+|\s+[—–]\s+|\s+-\s+/;

/**
 * A byline above the article: `By Jane Doe`, `By JANE DOE and John Roe, Reuters`, or with the date after a
 * separator (`By Jane Doe | October 30, 1989 10:42 AM ET`). Every part must be names or a date, so `By the
 * end of the year, …` never matches.
 */
export const bylineRule: LineRule = {
  id: 'byline',
  reason: 'byline (kept as byline)',
  zones: ['header'],
  match(line) {
    if (line.length > 160) return undefined;
    const m = BY.exec(line);
    if (!m?.[1]) return undefined;
    const [names, ...rest] = m[1].split(PART_SEPARATOR);
    if (names === undefined || splitNames(names) === undefined) return undefined;
    let publishedAt: string | undefined;
    for (const part of rest) {
      const date = parsePublicationDate(part);
      if (date !== undefined) publishedAt ??= date;
      else if (splitNames(part) === undefined) return undefined;
    }
    const extracted: Extracted = {
      byline: names.trim(),
      ...(publishedAt === undefined ? {} : { publishedAt }),
    };
    return { action: 'remove', extracted };
  },
};
