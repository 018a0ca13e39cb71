import { isBareDateline } from '../metadata/dateline';
import type { KeptLine } from './classify';
import { endsSentence } from './shape';

/** A paragraph of the cleaned text. */
export interface Paragraph {
  readonly text: string;
  readonly kind: 'title' | 'heading' | 'prose';
}

/** Lines this long or shorter, breaking mid-sentence, are a hard-wrapped paragraph. */
const WRAP_WIDTH = 100;

const LETTER = /\p{L}/u;
const LOWER_START = /^\p{Ll}/u;

/**
 * A paragraph being built from lines. Pieces are kept in an array and joined once: appending to one string
 * and then reading its last character flattens the whole string each time, quadratic in the paragraph.
 */
class ParagraphBuilder {
  private readonly pieces: string[];
  private last: string;

  public constructor(first: string) {
    this.pieces = [first];
    this.last = first;
  }

  /** The line added last. */
  public get lastLine(): string {
    return this.last;
  }

  /** Adds a line; a word hyphenated at a wrap (`inter-` / `national`) keeps its hyphen but loses the space. */
  public add(line: string): void {
    const n = this.last.length;
    const hyphenated =
      n >= 2 &&
      this.last.charCodeAt(n - 1) === 0x2d &&
      LETTER.test(this.last[n - 2]!) &&
      LOWER_START.test(line);
    this.pieces.push(hyphenated ? line : ` ${line}`);
    this.last = line;
  }

  public text(): string {
    return this.pieces.join('');
  }
}

function isWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.length > WRAP_WIDTH) return false;
  for (let i = 0; i < lines.length - 1; i++) if (!endsSentence(lines[i]!)) return true;
  return false;
}

/** Builds paragraphs from the prose lines of one block. */
function proseParagraphs(lines: readonly string[], out: Paragraph[]): boolean {
  if (lines.length === 0) return false;
  const wrapped = isWrapped(lines);
  let joined = false;
  let current = new ParagraphBuilder(lines[0]!);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // Hard-wrapped blocks are one paragraph; otherwise each line is one, except a line cut mid-sentence
    // whose continuation starts in lower case.
    const previous = current.lastLine;
    const last = previous.charCodeAt(previous.length - 1);
    const opensSomething = last === 0x3a || last === 0x22 || last === 0x201d;
    if (wrapped || (!endsSentence(previous) && !opensSomething && LOWER_START.test(line))) {
      current.add(line);
      joined = true;
    } else {
      out.push({ text: current.text(), kind: 'prose' });
      current = new ParagraphBuilder(line);
    }
  }
  out.push({ text: current.text(), kind: 'prose' });
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
  // A dateline alone on its line (`WARSAW, Poland (AP) _`) opens the paragraph of the next line.
  let dateline: string | undefined;
  const standsAlone = (p: number): boolean => p === title || headings.has(p);
  for (let p = 0; p < kept.length; p++) {
    const line = kept[p]!;
    if (line.block !== pendingBlock) flush();
    pendingBlock = line.block;
    if (standsAlone(p)) {
      flush();
      paragraphs.push({ text: line.text, kind: p === title ? 'title' : 'heading' });
      continue;
    }
    if (dateline !== undefined) {
      pending.push(`${dateline} ${line.text}`);
      dateline = undefined;
      joined = true;
      continue;
    }
    if (p + 1 < kept.length && !standsAlone(p + 1) && isBareDateline(line.text)) {
      dateline = line.text;
      continue;
    }
    pending.push(line.text);
  }
  flush();
  return { paragraphs, joined };
}
