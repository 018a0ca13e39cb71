import { parsePublicationDate } from '../dates/parse-date';
import { ANY_ZONE, type LineRule } from './types';

const LABELLED =
  /^(?:updated|last updated|modified|last modified|edited)(?:\s+(?:on|at))?\s*[:\-–—]?\s*(.+)$/i;

/**
 * `Updated: Dec 20, 2019 9:01 AM` is page furniture, not the publication date; it is removed, and its date
 * kept as the latest the article can have been published (what dates a yearless dateline).
 */
export const updateStampRule: LineRule = {
  id: 'update-stamp',
  reason: 'last-updated timestamp',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 120) return undefined;
    const m = LABELLED.exec(line);
    const updatedAt = m?.[1] === undefined ? undefined : parsePublicationDate(m[1]);
    return updatedAt === undefined ? undefined : { action: 'remove', extracted: { updatedAt } };
  },
};
