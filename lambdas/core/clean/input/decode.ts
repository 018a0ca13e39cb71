import { Buffer, isUtf8 } from 'node:buffer';
import { decodeWindows1252, isUndefinedInWindows1252 } from './windows-1252';

/** Decoded text and the encoding it was read with. */
export interface DecodedText {
  readonly text: string;
  /** WHATWG-style label: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, `iso-8859-1`, or a declared one. */
  readonly encoding: string;
}

/** The bytes could be read as text, or why not. */
export type DecodeResult =
  | ({ readonly ok: true } & DecodedText)
  | { readonly ok: false; readonly message: string };

/** Byte-order mark at the start of the bytes, if any, and its length. */
export function detectBom(
  bytes: Uint8Array,
): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM, recognised by its NUL bytes all falling on one side of each code unit: Latin-script
 * text has a zero high byte in nearly every unit. Checked before NUL bytes mark an object as binary.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  if (oddZeros > 0.6 * units && evenZeros < 0.02 * units) return 'utf-16le';
  if (evenZeros > 0.6 * units && oddZeros < 0.02 * units) return 'utf-16be';
  return undefined;
}

const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/**
 * Strict UTF-8 decoding: `undefined` when the bytes are not valid UTF-8. Node's SIMD validator and decoder
 * are several times faster than a fatal `TextDecoder`, and this runs on every object.
 */
export function tryDecodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  if (bytes.length % 2 !== 0) {
    return {
      ok: false,
      message: `Object is ${encoding.toUpperCase()} with an odd number of bytes (truncated)`,
    };
  }
  let le = bytes;
  if (encoding === 'utf-16be') {
    // Swapped into little-endian so decoding does not depend on full ICU being compiled into Node.
    le = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
  }
  try {
    return { ok: true, text: UTF16LE.decode(le), encoding };
  } catch {
    return { ok: false, message: `Object is not valid ${encoding.toUpperCase()} (unpaired surrogates)` };
  }
}

/** Charset labels read by the Windows-1252 table (WHATWG maps all Latin-1 labels to it). */
const LATIN1_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
]);

function decodeSingleByte(bytes: Uint8Array): DecodeResult {
  let letters = 0;
  let c1 = 0;
  let undefinedBytes = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b >= 0xa0) letters++;
    else {
      c1++;
      if (isUndefinedInWindows1252(b)) undefinedBytes++;
    }
  }
  // Western European prose has at most a fifth or so of its characters in 0xA0–0xFF (accented letters) and
  // never the bytes Windows-1252 leaves undefined; Cyrillic, Greek or CJK legacy encodings fail both tests.
  // Bytes 0x80–0x9F are Windows-1252's quotes and dashes: plausible in any amount.
  if (undefinedBytes > Math.max(2, bytes.length * 0.002) || letters > bytes.length * 0.3) {
    return {
      ok: false,
      message: `Object is neither UTF-8 nor Windows-1252/ISO-8859-1 text (${letters + c1} of ${bytes.length} bytes above 0x7F) and declares no charset`,
    };
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: c1 > 0 ? 'windows-1252' : 'iso-8859-1' };
}

function decodeDeclared(bytes: Uint8Array, label: string): DecodeResult | undefined {
  if (LATIN1_LABELS.has(label)) return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  try {
    const decoder = new TextDecoder(label, { fatal: false });
    return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return undefined;
  }
}

/**
 * Reads bytes (already known not to be binary) as text. Order of evidence: a BOM; valid UTF-8 (legacy
 * single-byte text containing any accented letter is almost never valid UTF-8, so this beats a declared
 * charset, which scrapers often get wrong); a declared charset; else Windows-1252/ISO-8859-1 when the
 * bytes look like Western text.
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string): DecodeResult {
  const bom = detectBom(bytes);
  if (bom?.encoding === 'utf-8') {
    const text = tryDecodeUtf8(bytes.subarray(bom.length));
    return text === undefined
      ? { ok: false, message: 'Object starts with a UTF-8 byte-order mark but is not valid UTF-8' }
      : { ok: true, text, encoding: 'utf-8' };
  }
  if (bom !== undefined)
    return decodeUtf16(bytes.subarray(bom.length), bom.encoding as 'utf-16le' | 'utf-16be');
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16 !== undefined) return decodeUtf16(bytes, utf16);
  const utf8 = tryDecodeUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  const label = declaredCharset?.trim().toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    const declared = decodeDeclared(bytes, label);
    if (declared !== undefined) return declared;
  }
  return decodeSingleByte(bytes);
}
