/**
 * Word tokenizer for news text that keeps UTF-16 offsets into the original string. It follows the
 * conventions of the CoNLL-2003 / Penn Treebank data the entity model was trained on (punctuation split off,
 * `'s` and `n't` separate, abbreviations and hyphenated words kept whole) so raw text is cut the way the
 * model saw its training text.
 */

/** One token: its text and `[start, end)` UTF-16 offsets into the tokenized string. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /**
   * `auto` (default) keeps whitespace-only splitting for text that is already tokenized (punctuation stands
   * alone, as in CoNLL files), so existing token boundaries are reproduced exactly; `raw` always applies the
   * splitting rules; `whitespace` never does.
   */
  readonly mode?: 'auto' | 'raw' | 'whitespace';
}

const OPENERS = new Set(['(', '[', '{', '"', '\u201c', '\u2018', '\u00ab', '`', '\u201e']);
const CLOSERS = new Set([')', ']', '}', '"', '\u201d', '\u2019', "'", '\u00bb', ',', ';', ':']);
const CLITIC = /^(?:s|re|ve|ll|d|m|t)$/i;
const DASHES = /[\u2013\u2014\u2015]|--+/g;

/**
 * Words that keep their final period: titles, company forms, months, US states and other abbreviations a
 * news wire writes before a name or number. Lower-cased, without the period.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr gen lt col capt cpt sgt maj adm cmdr rev gov sen rep pres supt insp det ' +
    'inc corp co ltd llc plc bros cie mfg assn dept univ intl natl ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev ' +
    'okla ore pa penn tenn tex va vt wash wis wisc wyo ' +
    'vs v etc no nos vol vols fig approx est ave blvd rd mt ft pt ch art sec op ed eds'
  ).split(' '),
);

/** Tokenizes `text`. Deterministic; offsets index the string as given. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const mode = options.mode ?? 'auto';
  // Whitespace-separated chunks as flat [start, end) pairs: one allocation, not one per chunk.
  const chunks = whitespaceChunks(text);
  const count = chunks.length / 2;
  const split = mode === 'raw' || (mode === 'auto' && !looksPretokenized(text, chunks));
  const tokens: Token[] = [];
  for (let k = 0; k < count; k++) {
    const start = chunks[2 * k] as number;
    const end = chunks[2 * k + 1] as number;
    if (!split) {
      tokens.push({ text: text.slice(start, end), start, end });
      continue;
    }
    // Only the whitespace since the previous chunk is searched: a search back from `start` would scan the
    // whole line for every chunk, quadratic in a long single-line text.
    const lineStart = k === 0 || hasNewline(text, chunks[2 * k - 1] as number, start);
    const nextChar = k + 1 < count ? text.charAt(chunks[2 * k + 2] as number) : '';
    const nextIsLower = nextChar !== '' && nextChar !== nextChar.toUpperCase();
    const chunk = text.slice(start, end);
    // Emoji and pictographs touching a word are tokens of their own ("😀Kim" is "😀" and "Kim"); the pieces
    // between them are split as chunks are.
    let from = 0;
    const pushPieces = (to: number, last: boolean): void => {
      if (to <= from) return;
      const piece = chunk.slice(from, to);
      for (const [s, e] of splitChunk(piece, lineStart && from === 0, last && nextIsLower)) {
        const at = start + from;
        tokens.push({ text: text.slice(at + s, at + e), start: at + s, end: at + e });
      }
    };
    if (PICTOGRAPH.test(chunk)) {
      EMOJI_RUN.lastIndex = 0;
      for (let m = EMOJI_RUN.exec(chunk); m !== null; m = EMOJI_RUN.exec(chunk)) {
        pushPieces(m.index, false);
        tokens.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
        from = m.index + m[0].length;
      }
    }
    pushPieces(chunk.length, true);
  }
  return tokens;
}

/** Whether a chunk holds a pictograph at all (the common case, none, skips the run search). */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/**
 * One emoji sequence or several in a row: a pictograph or regional indicator, with its skin-tone modifiers,
 * variation selector, keycap and tag characters, and ZWJ-joined pictographs (👩‍💻, 👍🏽, 🇰🇵).
 */
const EMOJI_RUN =
  /(?:[\p{Extended_Pictographic}\p{Regional_Indicator}][\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]*)*)+/gu;

/**
 * `[start0, end0, start1, end1, …]` of the runs of non-whitespace characters (`\S+`) of a text, found by a
 * scan rather than a global regex (whose match arrays were most of this function's cost).
 */
function whitespaceChunks(text: string): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (start >= 0) out.push(start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(start, text.length);
  return out;
}

/** Whether `text[from .. to)` holds a line feed. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Exactly the characters of the regex class `\s`. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Pre-tokenized text has punctuation standing alone between spaces and almost never glued to a word;
 * ordinary prose is the opposite. Counting both decides which one a text is.
 */
function looksPretokenized(text: string, chunks: readonly number[]): boolean {
  let alone = 0;
  let glued = 0;
  for (let k = 0; k < chunks.length; k += 2) {
    const s = chunks[k] as number;
    const e = chunks[k + 1] as number;
    const last = text.charCodeAt(e - 1);
    // , ; : .
    if (last !== 44 && last !== 59 && last !== 58 && last !== 46) continue;
    if (e - s === 1) alone++;
    else if (last !== 46 && /[A-Za-z]/.test(text.charAt(e - 2))) glued++;
    else if (
      last === 46 &&
      /[a-z]/.test(text.charAt(e - 2)) &&
      !ABBREVIATIONS.has(text.slice(s, e - 1).toLowerCase())
    )
      glued++;
  }
  return alone >= 2 && glued * 4 < alone;
}

/** Splits one whitespace-free chunk into `[start, end)` pieces relative to the chunk. */
function splitChunk(c: string, lineStart: boolean, nextIsLower: boolean): [number, number][] {
  const head: [number, number][] = [];
  const tail: [number, number][] = [];
  let left = 0;
  let right = c.length;
  while (right - left > 1) {
    const ch = c.charAt(left);
    if (OPENERS.has(ch)) {
      head.push([left, left + 1]);
      left++;
      continue;
    }
    if (
      (ch === "'" || ch === '\u2019') &&
      !CLITIC.test(c.slice(left + 1, right)) &&
      !/\d/.test(c.charAt(left + 1))
    ) {
      head.push([left, left + 1]);
      left++;
      continue;
    }
    break;
  }
  while (right - left > 1) {
    const ch = c.charAt(right - 1);
    if (CLOSERS.has(ch)) {
      tail.push([right - 1, right]);
      right--;
      continue;
    }
    if (ch === '!' || ch === '?') {
      // A `!` glued to a capitalised word and followed by lower-case text is part of a name (Yahoo!).
      if (nextIsLower && /^[A-Z]/.test(c.slice(left)) && tail.length === 0) break;
      tail.push([right - 1, right]);
      right--;
      continue;
    }
    if (ch === '%' && /\d/.test(c.charAt(right - 2))) {
      tail.push([right - 1, right]);
      right--;
      continue;
    }
    if (ch === '.') {
      let dots = 1;
      while (right - dots > left && c.charAt(right - dots - 1) === '.') dots++;
      if (dots >= 2) {
        if (right - dots === left) break;
        tail.push([right - dots, right]);
        right -= dots;
        continue;
      }
      if (keepsPeriod(c.slice(left, right - 1), lineStart && left === 0)) break;
      tail.push([right - 1, right]);
      right--;
      continue;
    }
    break;
  }
  const middle = splitMiddle(c, left, right);
  tail.reverse();
  return [...head, ...middle, ...tail];
}

/** Whether `word` (without its period) is one of the abbreviations news writes with a period: "Gov", "Calif". */
export function isAbbreviationWord(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether a word followed by `.` is an abbreviation that owns the period. */
function keepsPeriod(body: string, firstOnLine: boolean): boolean {
  if (/^[A-Za-z]$/.test(body)) return true;
  if (/^[A-Za-z]+(?:\.[A-Za-z]+)+$/.test(body)) return true;
  if (ABBREVIATIONS.has(body.toLowerCase())) return true;
  // "3." opening a line is a rank or list number in results tables.
  return firstOnLine && /^\d{1,3}$/.test(body);
}

/** Splits the core of a chunk: currency symbols, clitics and dashes. */
function splitMiddle(c: string, left: number, right: number): [number, number][] {
  const out: [number, number][] = [];
  let from = left;
  DASHES.lastIndex = left;
  for (let m = DASHES.exec(c); m !== null && m.index < right; m = DASHES.exec(c)) {
    const dashEnd = Math.min(m.index + m[0].length, right);
    if (m.index > from) out.push(...splitWord(c, from, m.index));
    out.push([m.index, dashEnd]);
    from = dashEnd;
  }
  if (from < right) out.push(...splitWord(c, from, right));
  return out;
}

function splitWord(c: string, left: number, right: number): [number, number][] {
  const word = c.slice(left, right);
  const currency = /^[A-Z]{0,3}\$(?=\d)/.exec(word);
  if (currency && currency[0].length < word.length) {
    return [[left, left + currency[0].length], ...splitWord(c, left + currency[0].length, right)];
  }
  const negation = /[A-Za-z](n't|N'T|n\u2019t|N\u2019T)$/.exec(word);
  if (negation && negation[1] !== undefined) {
    const cut = right - negation[1].length;
    return [
      [left, cut],
      [cut, right],
    ];
  }
  const clitic = /[A-Za-z](['\u2019](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M))$/.exec(word);
  if (clitic && clitic[1] !== undefined) {
    const cut = right - clitic[1].length;
    return [
      [left, cut],
      [cut, right],
    ];
  }
  return [[left, right]];
}
