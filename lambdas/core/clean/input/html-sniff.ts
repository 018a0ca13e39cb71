import { isHtmlMediaType } from './content-type';

/** How a page starts: a doctype, `<html>`, `<head>` or `<body>`, possibly after an XML prolog or comments. */
const STRONG_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const CLOSING_BLOCK_TAG = /<\/(?:p|div|span|a|li|h[1-6]|article|section|td|table|ul)>/gi;
const SNIFF_CHARS = 4096;

/** True when text reads as an HTML document or fragment: a strong start, or several closing tags early on. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  if (STRONG_START.test(head)) return true;
  if (!head.includes('</')) return false;
  return (head.match(CLOSING_BLOCK_TAG)?.length ?? 0) >= 3;
}

const ANY_TAG = /<(?:[a-z][a-z0-9-]*[\s/>]|!--|!doctype)/i;

/**
 * Decides whether an object is HTML: declared HTML or a `.htm(l)` key wins when the text has any tag at all
 * (scrapers label plain text `text/html` too); declared plain text is trusted unless the text plainly starts
 * a page; otherwise sniffing decides.
 */
export function isHtmlInput(text: string, mediaType: string | undefined, key: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  if (isHtmlMediaType(mediaType) || /\.x?html?$/i.test(key)) return ANY_TAG.test(head);
  if (mediaType === 'text/plain') return STRONG_START.test(head);
  return looksLikeHtml(text);
}
