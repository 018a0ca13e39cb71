/**
 * Shape tests shared by the rules: cheap, language-tolerant guesses at what a line is. A "sentence" here is
 * what the conservative rules must never remove.
 */

/** Ends like a sentence: `.`, `!`, `?`, `…` or a CJK stop, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/;
const LOWERCASE = /\p{Ll}/u;
const CJK_STOP = /[。！？]["'”’」』)]*$/;

/** Number of space-separated words in a collapsed line. */
export function wordCount(line: string): number {
  if (line.length === 0) return 0;
  let n = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) n++;
  return n;
}

/** True when the line ends as a sentence does. */
export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

/** True when a line reads as a sentence of prose: five words or more, lower-case letters, a sentence end. */
export function looksLikeSentence(line: string): boolean {
  if (CJK_STOP.test(line)) return line.length >= 10;
  return wordCount(line) >= 5 && endsSentence(line) && LOWERCASE.test(line);
}

/**
 * True for a line that is unmistakably article prose: a sentence of eight words or more, or a long run of
 * words (a paragraph cut off without its final stop). Zones (header, body, footer) are cut at these lines.
 */
export function isSubstantialProse(line: string): boolean {
  if (CJK_STOP.test(line)) return line.length >= 25;
  const words = wordCount(line);
  if (words >= 8 && endsSentence(line) && LOWERCASE.test(line)) return true;
  return words >= 20 && LOWERCASE.test(line);
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
