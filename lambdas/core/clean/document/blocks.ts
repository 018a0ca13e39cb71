/**
 * The unit the line stage works on: a block of lines, as separated by blank lines in text or by block
 * elements in HTML. A block usually holds one paragraph; hard-wrapped text holds one paragraph over several lines.
 */
export interface SourceBlock {
  readonly lines: readonly string[];
  /** Set when the source marks the block as a heading (`<h2>`…`<h6>` in HTML). */
  readonly heading?: boolean;
}

/** Collapses whitespace runs inside a line and trims it. */
export function collapseLine(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim();
}

/** Splits normalised text into blocks at blank lines, collapsing whitespace inside each line. */
export function splitIntoBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.includes('  ') || raw.startsWith(' ') || raw.endsWith(' ') ? collapseLine(raw) : raw;
    if (line.length === 0) {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}
