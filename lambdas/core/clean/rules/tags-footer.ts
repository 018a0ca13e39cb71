import { looksLikeSentence } from '../document/shape';
import { ANY_ZONE, type LineRule, type LineVerdict } from './types';

const TRANSLATE_MARKER = /\(tagsToTranslate\)/i;
const TAG_SEPARATOR = /\s*\(t\)\s*/i;
const LABELLED =
  /^(?:tags|keywords|topics|tagged(?: with| in)?|related topics|schlagwörter|themen|étiquettes|mots-clés|etiquetas|temas)\s*[:|]\s*(.+)$/i;
const LIST_SEPARATOR = /\s*[,;|•·]\s*/;

/** Splits a tag list, keeping it only if every entry reads as a tag (short, not a sentence). */
function readTags(list: string, separator: RegExp): string[] | undefined {
  const tags = list
    .split(separator)
    .map((t) => t.trim().replace(/[.,;]+$/, ''))
    .filter((t) => t.length > 0);
  if (tags.length === 0 || tags.length > 60) return undefined;
  for (const tag of tags) {
    if (tag.length > 60 || tag.split(' ').length > 8 || looksLikeSentence(tag)) return undefined;
  }
  return tags;
}

/**
 * Tag footers: `(tagsToTranslate) north korea (t) pyongyang` (a CMS export artefact, also found glued to
 * the end of the last paragraph) and `Tags: a, b` / `Keywords: a; b`. The tags become `keywords`.
 */
export const tagsFooterRule: LineRule = {
  id: 'tags-footer',
  reason: 'tag list (kept as keywords)',
  zones: ANY_ZONE,
  match(line): LineVerdict | undefined {
    const marker = TRANSLATE_MARKER.exec(line);
    if (marker) {
      const keywords = readTags(line.slice(marker.index + marker[0].length), TAG_SEPARATOR) ?? [];
      const before = line.slice(0, marker.index).trim();
      if (before.length === 0) return { action: 'remove', extracted: { keywords } };
      return { action: 'trim', kept: before, removed: line.slice(marker.index), extracted: { keywords } };
    }
    if (line.length > 600) return undefined;
    const m = LABELLED.exec(line);
    const keywords = m?.[1] === undefined ? undefined : readTags(m[1], LIST_SEPARATOR);
    return keywords === undefined ? undefined : { action: 'remove', extracted: { keywords } };
  },
};
