/**
 * Shape tests shared by the rules: cheap, language-tolerant guesses at what a line is. A "sentence" here is
 * what the conservative rules must never remove. Written as character scans, not regexes: they run on
 * every line, several times, and must cost next to nothing.
 */

const LOWERCASE = /\p{Ll}/u;

/** Closing quotes and brackets that may follow a sentence's final stop. */
function isCloser(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x2019 ||
    c === 0x201d ||
    c === 0xbb ||
    c === 0x300d ||
    c === 0x300f ||
    c === 0xff09
  );
}

function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || isCjkStop(c);
}

function isCjkStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Code unit of the last character before any closing quotes/brackets, or -1. */
function lastBeforeClosers(line: string): number {
  let i = line.length - 1;
  while (i >= 0 && isCloser(line.charCodeAt(i))) i--;
  return i < 0 ? -1 : line.charCodeAt(i);
}

/** Number of space-separated words in a collapsed line. */
export function wordCount(line: string): number {
  if (line.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) n++;
  return n;
}

/** True when the line ends as a sentence does: `.`, `!`, `?`, `…` or a CJK stop, then closing quotes or brackets. */
export function endsSentence(line: string): boolean {
  return isStop(lastBeforeClosers(line));
}

function hasLowercase(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
    if (c < 0x80) continue;
    return LOWERCASE.test(line);
  }
  return false;
}

/** Both shape verdicts of a line in one scan (the line stage needs both for every line). */
export function lineShape(line: string): { sentence: boolean; substantial: boolean } {
  const last = lastBeforeClosers(line);
  if (isCjkStop(last)) return { sentence: line.length >= 10, substantial: line.length >= 25 };
  const stop = isStop(last);
  const words = wordCount(line);
  if (words < 5 || (!stop && words < 20)) return { sentence: false, substantial: false };
  const lower = hasLowercase(line);
  return { sentence: stop && lower, substantial: lower && words >= 8 && (stop || words >= 20) };
}

/** True when a line reads as a sentence of prose: five words or more, lower-case letters, a sentence end. */
export function looksLikeSentence(line: string): boolean {
  const last = lastBeforeClosers(line);
  if (isCjkStop(last)) return line.length >= 10;
  return isStop(last) && wordCount(line) >= 5 && hasLowercase(line);
}

const ATTRIBUTION =
  /,\s+(?:[\p{L}\p{N}'’.&-]+\s+){0,8}(?:said|says|told|tells|found|finds|joked|wrote|writes|added|reported|warned|explained|argued|noted|stated|announced|claimed|insisted|concluded|ruled|complained|quipped|replied|admitted|acknowledged|recalled|declared)\b/iu;

/**
 * True when a sentence reports what someone said or found ("…, a spokesman said on Tuesday."; "…,
 * according to the report."): boilerplate is the site speaking in its own voice, never reported speech, so
 * such a sentence is prose even when its words are a notice's ("We use cookies to track users, the
 * regulator found.").
 */
export function reportsSpeech(sentence: string): boolean {
  return ATTRIBUTION.test(sentence) || /\baccording to\b/i.test(sentence);
}

/**
 * True for a line that is unmistakably article prose: a sentence of eight words or more, or a long run of
 * words (a paragraph cut off without its final stop). Zones (header, body, footer) are cut at these lines.
 */
export function isSubstantialProse(line: string): boolean {
  const last = lastBeforeClosers(line);
  if (isCjkStop(last)) return line.length >= 25;
  const words = wordCount(line);
  if (words < 8) return false;
  if (isStop(last) || words >= 20) return hasLowercase(line);
  return false;
}

/** Strips one pair of wrapping quotes (`"THE BEST PLAN"` → `THE BEST PLAN`). */
export function unquote(line: string): string {
  const m = /^["'“‘«„](.*)["'”’»“]$/.exec(line);
  return m?.[1]?.trim() ?? line;
}

/** True when a line has cased letters and none of them is lower-case (`MILITARY TENSIONS`). */
export function isAllCaps(line: string): boolean {
  return /\p{Lu}/u.test(line) && !LOWERCASE.test(line);
}

/** Starts with an upper-case letter or a digit, after any opening quote. */
export function startsCapitalised(line: string): boolean {
  return /^["'“‘«„]?[\p{Lu}\p{Lt}\p{N}]/u.test(line);
}
