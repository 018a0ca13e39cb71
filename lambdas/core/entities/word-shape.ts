/**
 * Orthographic classes of a token. Capitalisation and digit patterns carry most of the signal for unseen
 * names, so the tagger sees them directly instead of relying on the word itself.
 */

/** Capitalisation class of a token. */
export enum CaseClass {
  /** No letters (numbers, punctuation). */
  None = 0,
  Lower = 1,
  /** First letter upper, some lower letters after it. */
  Title = 2,
  /** Every letter upper case (two letters or more). */
  Upper = 3,
  /** A single upper-case letter, e.g. an initial. */
  Initial = 4,
  /** Upper and lower case mixed otherwise (McDonald, iPhone). */
  Mixed = 5,
}

/** The case class of `word`. */
export function caseClass(word: string): CaseClass {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seenLetter = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let isUpper = false;
    let isLower = false;
    if (c >= 65 && c <= 90) isUpper = true;
    else if (c >= 97 && c <= 122) isLower = true;
    else if (c >= 0xc0) {
      const ch = word.charAt(i);
      const up = ch.toUpperCase();
      const lo = ch.toLowerCase();
      if (up !== lo) {
        isUpper = ch === up;
        isLower = ch === lo;
      }
    }
    if (isUpper) {
      if (!seenLetter) firstUpper = true;
      upper++;
    } else if (isLower) lower++;
    if (isUpper || isLower) seenLetter = true;
  }
  if (upper === 0 && lower === 0) return CaseClass.None;
  if (upper === 0) return CaseClass.Lower;
  if (lower === 0) return upper === 1 ? CaseClass.Initial : CaseClass.Upper;
  if (firstUpper && upper === 1) return CaseClass.Title;
  return CaseClass.Mixed;
}

/**
 * Word shape: upper → X, lower → x, digit → d, other characters kept. `short` collapses repeats
 * (`Xxxxx-Xxx` → `Xx-Xx`); the long form caps each run at four so lengths still show for short words.
 */
export function wordShape(word: string, short: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else {
      const ch = word.charAt(i);
      if (ch.toUpperCase() !== ch.toLowerCase()) k = ch === ch.toUpperCase() ? 'X' : 'x';
      else k = ch;
    }
    if (k === last) {
      run++;
      if (short || run >= 4) continue;
    } else {
      run = 0;
      last = k;
    }
    out += k;
  }
  return out;
}

/** Lower-cases and maps every digit to 0, so numbers and dates share features by pattern. */
export function normalizeWord(word: string): string {
  let hasDigit = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      hasDigit = true;
      break;
    }
  }
  const lower = word.toLowerCase();
  return hasDigit ? lower.replace(/[0-9]/g, '0') : lower;
}
