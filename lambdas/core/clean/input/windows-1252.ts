import { Buffer } from 'node:buffer';

/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F, where it has the typographic characters news text
 * is full of (curly quotes, dashes, `…`, `€`). The five bytes it leaves undefined map to the C1 controls, as
 * in the WHATWG Encoding Standard. Own table rather than `TextDecoder('windows-1252')`: it works without full
 * ICU, and mojibake repair needs the reverse mapping anyway.
 */
const HIGH_CONTROL_RANGE: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Code unit of each byte value in Windows-1252. */
export const WINDOWS_1252_TO_UNICODE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  HIGH_CONTROL_RANGE.forEach((cp, i) => {
    table[0x80 + i] = cp;
  });
  return table;
})();

/** Byte value of each character that Windows-1252 can encode (the reverse of {@link WINDOWS_1252_TO_UNICODE}). */
export const UNICODE_TO_WINDOWS_1252: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(String.fromCharCode(WINDOWS_1252_TO_UNICODE[b]!), b);
  return map;
})();

/** Bytes Windows-1252 leaves undefined: their presence argues against it. */
export function isUndefinedInWindows1252(byte: number): boolean {
  return byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d;
}

const HIGH_CONTROLS = /[\u0080-\u009F]/g;

/**
 * Decodes Windows-1252 (and so ISO-8859-1, whose printable characters it shares) to a string: Node's native
 * Latin-1 decoder, then the 0x80–0x9F range remapped.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(HIGH_CONTROLS, (c) => String.fromCharCode(WINDOWS_1252_TO_UNICODE[c.charCodeAt(0)]!));
}
