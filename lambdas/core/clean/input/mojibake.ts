import { UNICODE_TO_WINDOWS_1252 } from './windows-1252';

/**
 * Characters a UTF-8 continuation byte (0x80–0xBF) turns into when UTF-8 is misread as Windows-1252 or
 * ISO-8859-1: U+00A0–U+00BF, the Windows-1252 typographic characters, and the C1 controls.
 */
const CONTINUATION =
  '[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]';

/** A run of misread lead bytes (Â–ô) each followed by misread continuation bytes. */
const RUN = new RegExp(`(?:[\\u00C2-\\u00F4]${CONTINUATION}+)+`, 'g');

/** `â€` left alone: a misread `”` (E2 80 9D) whose last byte, undefined in Windows-1252, was dropped. */
const DROPPED_QUOTE =
  /\u00E2\u20AC(?![\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122])/g;

const QUICK_CHECK = /[\u00C2-\u00F4]/;

function byteOf(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x80 && code <= 0x9f) return code;
  return UNICODE_TO_WINDOWS_1252.get(ch);
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Decodes one UTF-8 sequence by hand (a `TextDecoder` call per character is slow on long runs): `undefined`
 * for continuation bytes out of range, overlong forms, surrogates and code points above U+10FFFF.
 */
function decodeSequence(bytes: readonly number[]): string | undefined {
  const lead = bytes[0]!;
  let cp = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = bytes.length === 2 ? 0x80 : bytes.length === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return String.fromCodePoint(cp);
}

/**
 * Repairs one run. Two- and three/four-byte sequences are always repaired when `Â`/`Ã` lead them or they are
 * three or four bytes long: those pairs do not occur in real text. Other two-byte pairs (`Ð¿`) are repaired
 * only in runs of two or more, because a single `Ö’` can be genuine.
 */
function repairRun(run: string): string {
  const chars = [...run];
  const bytes = chars.map(byteOf);
  const pieces: { decoded: string | undefined; start: number; end: number; lead: number }[] = [];
  let i = 0;
  while (i < chars.length) {
    const lead = bytes[i] ?? 0;
    const n = sequenceLength(lead);
    const seq = bytes.slice(i, i + n);
    const complete = n > 0 && seq.length === n && seq.every((b) => b !== undefined);
    const decoded = complete ? decodeSequence(seq as number[]) : undefined;
    const end = decoded === undefined ? i + 1 : i + n;
    pieces.push({ decoded, start: i, end, lead });
    i = end;
  }
  const pairs = pieces.filter((p) => p.decoded !== undefined && p.end - p.start === 2).length;
  let out = '';
  for (const piece of pieces) {
    const length = piece.end - piece.start;
    const trusted =
      piece.decoded !== undefined &&
      (length >= 3 || piece.lead === 0xc2 || piece.lead === 0xc3 || pairs >= 2);
    out += trusted ? piece.decoded : chars.slice(piece.start, piece.end).join('');
  }
  return out;
}

/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 or ISO-8859-1 (`â€™` → `’`, `Ã©` → `é`), including
 * text mangled twice. Text without the telltale lead characters is returned unchanged at the cost of one scan.
 */
export function repairMojibake(text: string): string {
  if (!QUICK_CHECK.test(text)) return text;
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = current.replace(RUN, repairRun).replace(DROPPED_QUOTE, '\u201D');
    if (next === current) break;
    current = next;
  }
  return current;
}
