import type { KeptLine } from './classify';
import { endsSentence } from './shape';

/** A paragraph of the cleaned text. */
export interface Paragraph {
  readonly text: string;
  readonly kind: 'title' | 'heading' | 'prose';
}

/** Lines this long or shorter, breaking mid-sentence, are a hard-wrapped paragraph. */
const WRAP_WIDTH = 100;

function join(left: string, right: string): string {
  // A word hyphenated at a wrap (`inter-` / `national`) keeps its hyphen but loses the space.
  if (/\p{L}-$/u.test(left) && /^\p{Ll}/u.test(right)) return left + right;
  return `${left} ${right}`;
}

function isWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  return body.every((l) => l.length <= WRAP_WIDTH) && body.some((l) => !endsSentence(l));
}

/** Builds paragraphs from the prose lines of one block. */
function proseParagraphs(lines: readonly string[], out: Paragraph[]): boolean {
  if (lines.length === 0) return false;
  if (isWrapped(lines)) {
    out.push({ text: lines.reduce(join), kind: 'prose' });
    return true;
  }
  // One paragraph per line, except a line cut mid-sentence whose continuation starts in lower case.
  let joined = false;
  let current = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!endsSentence(current) && !/[:"”]$/.test(current) && /^\p{Ll}/u.test(line)) {
      current = join(current, line);
      joined = true;
    } else {
      out.push({ text: current, kind: 'prose' });
      current = line;
    }
  }
  out.push({ text: current, kind: 'prose' });
  return joined;
}

/**
 * Assembles kept lines into paragraphs: blocks become paragraphs (hard-wrapped lines joined), while the
 * title and subheads always stand alone. Reports whether any lines were joined, since joined lines are new
 * text the rules have not seen yet.
 */
export function assembleParagraphs(
  kept: readonly KeptLine[],
  headings: ReadonlySet<number>,
  title: number | undefined,
): { paragraphs: Paragraph[]; joined: boolean } {
  const paragraphs: Paragraph[] = [];
  let joined = false;
  let pending: string[] = [];
  let pendingBlock = -1;
  const flush = (): void => {
    if (proseParagraphs(pending, paragraphs)) joined = true;
    pending = [];
  };
  for (let p = 0; p < kept.length; p++) {
    const line = kept[p]!;
    if (line.block !== pendingBlock) flush();
    pendingBlock = line.block;
    if (p === title || headings.has(p)) {
      flush();
      paragraphs.push({ text: line.text, kind: p === title ? 'title' : 'heading' });
      continue;
    }
    pending.push(line.text);
  }
  flush();
  return { paragraphs, joined };
}
