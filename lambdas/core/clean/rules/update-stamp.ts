import { parsePublicationDate } from '../dates/parse-date';
import { ANY_ZONE, type LineRule } from './types';

const LABELLED =
  /^(?:updated|last updated|modified|last modified|edited)(?:\s+(?:on|at))?\s*[:\-–—]?\s*(.+)$/i;

/** `Updated: Dec 20, 2019 9:01 AM` is page furniture; it is not the publication date, so it is not kept. */
export const updateStampRule: LineRule = {
  id: 'update-stamp',
  reason: 'last-updated timestamp',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 120) return undefined;
    const m = LABELLED.exec(line);
    return m?.[1] && parsePublicationDate(m[1]) !== undefined ? { action: 'remove' } : undefined;
  },
};
