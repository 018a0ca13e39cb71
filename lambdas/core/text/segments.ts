/**
 * Cuts a long text into segments a tagger can take one at a time, so its working memory is bounded by the
 * segment size rather than by the document.
 */

import { InvalidArgumentError } from '../errors';

/** A half-open `[start, end)` range of UTF-16 indices. */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/**
 * Consecutive segments covering `text`, none longer than `maxChars` UTF-16 units. A segment ends at the last
 * paragraph break in the second half of its window, else the last line break there, else the last
 * whitespace, else at the limit (never between the two halves of a surrogate pair). A text that fits is
 * one segment. Linear: each window is searched once, backwards from its end.
 */
export function textSegments(text: string, maxChars: number): Segment[] {
  if (!Number.isInteger(maxChars) || maxChars < 2) {
    throw new InvalidArgumentError(`maxChars must be an integer of at least 2, not ${maxChars}`);
  }
  const out: Segment[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const limit = start + maxChars;
    const floor = start + Math.floor(maxChars / 2);
    let cut = breakAfter(text, '\n\n', floor, limit);
    if (cut < 0) cut = breakAfter(text, '\n', floor, limit);
    if (cut < 0) cut = lastSpaceEnd(text, floor, limit);
    if (cut < 0) cut = isLowSurrogate(text.charCodeAt(limit)) ? limit - 1 : limit;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * Index just past the last `separator` that ends within `(floor, limit]`, or -1. A bounded loop, not
 * `lastIndexOf`, which would scan back to the start of the text for every segment of a text without one.
 */
function breakAfter(text: string, separator: string, floor: number, limit: number): number {
  for (let end = limit; end > floor; end--) {
    if (text.startsWith(separator, end - separator.length)) return end;
  }
  return -1;
}

/** Index just past the last whitespace character in `[floor, limit)`, or -1. */
function lastSpaceEnd(text: string, floor: number, limit: number): number {
  for (let i = limit - 1; i >= floor; i--) if (WHITESPACE.test(text.charAt(i))) return i + 1;
  return -1;
}

const WHITESPACE = /\s/;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
