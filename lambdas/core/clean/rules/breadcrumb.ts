import { endsSentence } from '../document/shape';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

const SEPARATOR = /\s+(?:>|›|»|\/|\||•|·)\s+|\s*[›»]\s*/;

/** Breadcrumb trails and menu rows: `Home > World > Asia`, `News | Sport | Business | Weather`. */
export const breadcrumbRule: LineRule = {
  id: 'breadcrumb',
  reason: 'breadcrumb or menu row',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 160) return undefined;
    const parts = line.split(SEPARATOR).filter((p) => p.length > 0);
    if (parts.length < 3) return undefined;
    for (const part of parts) {
      if (
        part.length > 30 ||
        part.split(' ').length > 4 ||
        endsSentence(part) ||
        !/^[\p{Lu}\p{N}]/u.test(part)
      ) {
        return undefined;
      }
    }
    return REMOVE;
  },
};
