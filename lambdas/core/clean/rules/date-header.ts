import { parsePublicationDate } from '../dates/parse-date';
import { ANY_ZONE, type LineRule } from './types';

const LABELLED =
  /^(?:date|dated|published|publication date|pub(?:lished)? date|posted|first published|release date|created)(?:\s+(?:on|at))?\s*[:\-–—]?\s*(.+)$/i;

/** Residue scrapers glue to the end of a header line (`date 2019-12-20 Loading...`). */
const TRAILING_RESIDUE = /\s+(?:loading(?:\.{2,}|…)?|advertisement)$/i;

/** `date 2019-12-20`, `Published: 1998-01-08`, `Posted on October 30, 1989 10:42 AM ET`: the publication date. */
export const dateHeaderRule: LineRule = {
  id: 'date-header',
  reason: 'publication date header (kept as publishedAt)',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 120) return undefined;
    const m = LABELLED.exec(line);
    if (!m?.[1]) return undefined;
    const publishedAt = parsePublicationDate(m[1].replace(TRAILING_RESIDUE, ''));
    return publishedAt === undefined ? undefined : { action: 'remove', extracted: { publishedAt } };
  },
};
