import type { Token } from './tokenize';

/** A sentence as a half-open range of token indices. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
}

const TERMINALS = new Set(['.', '!', '?', '...', '\u2026']);
const TRAILERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);
/** Tokens after which an over-long sentence is preferably cut: clause punctuation and dashes. */
const SOFT_BREAKS = new Set([',', ';', ':', '--', '-', '\u2013', '\u2014']);

/**
 * Longest sentence, in tokens. Every later stage (Viterbi, stacking, refiners, mention length) works per
 * sentence, and a text without sentence punctuation (a run of capitalised words, a pasted table) would
 * otherwise be one sentence as long as the document, on which per-sentence work grows with the square of
 * its length. News sentences stay far below it: the longest in CoNLL-2003 eng.train has 113 tokens.
 */
export const MAX_SENTENCE_TOKENS = 128;

/**
 * Groups tokens into sentences. A line break always ends one (paragraphs, headlines and CoNLL-style
 * one-sentence-per-line text); within a line a sentence ends after `.`, `!`, `?` or an ellipsis (plus closing
 * quotes or brackets) when the next token starts like a sentence. Abbreviations keep their period in the
 * tokenizer, so `U.S. Air Force` is not split. No sentence is longer than {@link MAX_SENTENCE_TOKENS}: a
 * longer one is cut after its last clause punctuation in the second half of the limit, else at the limit.
 */
export function splitSentences(text: string, tokens: readonly Token[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = 0;
  // Index just past the latest soft break of the current sentence (-1: none yet).
  let soft = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i - start >= MAX_SENTENCE_TOKENS) {
      const cut = soft > start + MAX_SENTENCE_TOKENS / 2 ? soft : i;
      out.push({ start, end: cut });
      start = cut;
      soft = -1;
    }
    const tok = tokens[i] as Token;
    if (SOFT_BREAKS.has(tok.text)) soft = i + 1;
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (text.slice(tok.end, next.start).includes('\n')) {
      out.push({ start, end: i + 1 });
      start = i + 1;
      soft = -1;
      continue;
    }
    if (!TERMINALS.has(tok.text)) continue;
    let last = i;
    while (
      last + 1 - start < MAX_SENTENCE_TOKENS &&
      TRAILERS.has(tokens[last + 1]?.text ?? '') &&
      !text.slice(tokens[last]!.end, tokens[last + 1]!.start).includes('\n')
    )
      last++;
    const after = tokens[last + 1];
    if (after === undefined) break;
    if (/^[\p{Lu}\p{N}"'\u201c\u2018(]/u.test(after.text)) {
      out.push({ start, end: last + 1 });
      start = last + 1;
      soft = -1;
      i = last;
    }
  }
  if (start < tokens.length) out.push({ start, end: tokens.length });
  return out;
}
