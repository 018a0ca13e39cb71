const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Scripts written without spaces: each character counts as a word, as CJK word counts are usually given. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Words in a text: space-separated tokens holding a letter or digit, except that each CJK or Thai character
 * counts as one word. A single character scan; ASCII is classified without regexes.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (c < 0x80) {
      const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      if (alnum && !counted) {
        count++;
        counted = true;
      }
      continue;
    }
    // Inside a counted word only a CJK or Thai character (all at U+0E00 or above) changes the count.
    if (counted && c < 0x0e00) continue;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch.length === 2) i++;
    if (UNSPACED.test(ch)) {
      count++;
      counted = true;
    } else if (!counted && WORD_CHAR.test(ch)) {
      count++;
      counted = true;
    }
  }
  return count;
}
