import type { Token } from './tokenize';

/** A sentence as a half-open range of token indices. */
export interface SentenceRange {
  readonly start: number;
  readonly end: number;
}

const TERMINALS = new Set(['.', '!', '?', '...', '\u2026']);
const TRAILERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);

/**
 * Groups tokens into sentences. A line break always ends one (paragraphs, headlines and CoNLL-style
 * one-sentence-per-line text); within a line a sentence ends after `.`, `!`, `?` or an ellipsis (plus closing
 * quotes or brackets) when the next token starts like a sentence. Abbreviations keep their period in the
 * tokenizer, so `U.S. Air Force` is not split.
 */
export function splitSentences(text: string, tokens: readonly Token[]): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (text.slice(tok.end, next.start).includes('\n')) {
      out.push({ start, end: i + 1 });
      start = i + 1;
      continue;
    }
    if (!TERMINALS.has(tok.text)) continue;
    let last = i;
    while (
      TRAILERS.has(tokens[last + 1]?.text ?? '') &&
      !text.slice(tokens[last]!.end, tokens[last + 1]!.start).includes('\n')
    )
      last++;
    const after = tokens[last + 1];
    if (after === undefined) break;
    if (/^[\p{Lu}\p{N}"'\u201c\u2018(]/u.test(after.text)) {
      out.push({ start, end: last + 1 });
      start = last + 1;
      i = last;
    }
  }
  if (start < tokens.length) out.push({ start, end: tokens.length });
  return out;
}
