/**
 * Offsets in the pipeline's records and CLI are Unicode code points (Python `str` indices), while JS strings
 * index UTF-16 code units. Taggers work in UTF-16; this module converts once, at the boundary.
 */

/** A half-open `[start, end)` range. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Builds a converter from UTF-16 indices to code-point indices for one text. For texts without astral
 * characters (the common case) the conversion is the identity and no table is built.
 */
export function utf16ToCodePointConverter(text: string): (utf16Index: number) => number {
  if (!hasAstral(text)) return identity;
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    const isHighSurrogate = c >= 0xd800 && c <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    if (isHighSurrogate && next >= 0xdc00 && next <= 0xdfff) {
      table[i + 1] = cp;
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return (i) => table[i] ?? cp;
}

/** Converts code-point offsets back to UTF-16 indices (used when reading records in JS). */
export function codePointToUtf16Converter(text: string): (codePointIndex: number) => number {
  const positions: number[] = [];
  let i = 0;
  for (const ch of text) {
    positions.push(i);
    i += ch.length;
  }
  positions.push(text.length);
  if (positions.length === text.length + 1) return (cp) => cp;
  return (cp) => positions[cp] ?? text.length;
}

/**
 * Re-bases a list of UTF-16 spans onto code points, keeping all other fields. Without astral characters the
 * offsets are already code points and the spans are returned as they are (a copy of the list, not of each span).
 */
export function spansToCodePoints<T extends Span>(text: string, spans: readonly T[]): T[] {
  if (!hasAstral(text)) return spans.slice();
  const convert = utf16ToCodePointConverter(text);
  return spans.map((s) => ({ ...s, start: convert(s.start), end: convert(s.end) }));
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Whether a text has characters outside the BMP; the regex engine scans far faster than a JS loop. */
function hasAstral(text: string): boolean {
  return HIGH_SURROGATE.test(text);
}

function identity(i: number): number {
  return i;
}
