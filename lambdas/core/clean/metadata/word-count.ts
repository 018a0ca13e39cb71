const WORDLIKE = /[\p{L}\p{N}]/u;
/** Scripts written without spaces: each character counts as a word, as CJK word counts are usually given. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');

/** Words in a text: space-separated tokens holding a letter or digit, or one per CJK or Thai character. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!WORDLIKE.test(token)) continue;
    count += UNSPACED.test(token) ? (token.match(UNSPACED_ALL)?.length ?? 1) : 1;
  }
  return count;
}
