import type { SourceBlock } from '../document/blocks';

const BLOCK_TAG =
  /<\/?(?:p|div|br|li|h[1-6]|tr|td|th|section|article|blockquote|pre|table|ul|ol|dd|dt|header|footer|nav|aside|main|figure|figcaption)\b[^>]{0,2000}>/gi;
const ANY_TAG = /<[^>]{0,2000}>/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntity(_m: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? '';
  const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
}

/**
 * Text of markup no DOM should be built for (nested too deep): block tags become line breaks, other tags
 * go, common entities are decoded. Crude, linear, and only for pages that are not real news pages anyway.
 */
export function tagSoupBlocks(markup: string): SourceBlock[] {
  const text = markup.replace(BLOCK_TAG, '\n').replace(ANY_TAG, ' ').replace(ENTITY, decodeEntity);
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .map((l) => ({ lines: [l] }));
}
