import { repairMojibake } from './mojibake';

/** Line separators other than `\n`: CRLF, CR, vertical tab, form feed, U+2028. */
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u2028]/g;
/** NEL is also a misread UTF-8 continuation byte (0x85), so it is read as a line break only after repair. */
const NEXT_LINE = /\u0085/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;

/**
 * Invisible characters that only get in the way of matching and tagging: C0 controls (not `\n`), DEL, soft
 * hyphen, zero-width space, word joiner and invisible operators, bidi marks and embeddings, BOMs, interlinear
 * annotation marks. C1 controls are removed after mojibake repair, which needs them.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const C1_CONTROLS = /[\u0080-\u009F]/g;

/** Tabs and Unicode spaces (no-break, en/em, thin, ideographic, …) become plain spaces. */
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * ZWNJ and ZWJ matter inside Persian, Indic scripts and emoji sequences, so they are kept between two
 * non-ASCII characters and removed elsewhere, where they are scraping debris.
 */
const STRAY_JOINERS = /(?<![^\u0000-\u007F])[\u200C\u200D]+|[\u200C\u200D]+(?![^\u0000-\u007F])/g;

/** Every character one of the passes below acts on: text without any (most text) only needs NFC. */
const SPECIAL =
  /[\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u00AD\u00C2-\u00F4\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\uFFF9-\uFFFB]/;
const ASCII_ONLY = /^[\n\u0020-\u007E]*$/;

/**
 * Normalises decoded text: one line-break character (`\n`), no control or zero-width characters, plain
 * spaces, mojibake repaired, NFC. Leaves whitespace runs for the line stage to collapse.
 */
export function normalizeText(text: string): string {
  // Pure printable ASCII with `\n` breaks needs nothing; text with no special character needs only NFC.
  if (ASCII_ONLY.test(text)) return text;
  if (!SPECIAL.test(text)) return text.normalize('NFC');
  let out = text.replace(LINE_BREAKS, '\n').replace(PARAGRAPH_SEPARATOR, '\n\n').replace(INVISIBLE, '');
  out = repairMojibake(out)
    .replace(NEXT_LINE, '\n')
    .replace(C1_CONTROLS, '')
    .replace(SPACES, ' ')
    .replace(STRAY_JOINERS, '');
  return out.normalize('NFC');
}
