import { utf16ToCodePointConverter } from '../../text/offsets';
import { type DatelineMatch, readDateline } from '../metadata/dateline';
import { findSubheads } from '../metadata/subheads';
import { findTextTitle } from '../metadata/title';
import { RULE_STAGES } from '../rules';
import type { Heading, RemovedFragment } from '../types';
import { assembleParagraphs, type Paragraph } from './assemble';
import type { SourceBlock } from './blocks';
import { type CollectedMetadata, classifyLines } from './classify';

/** Options of {@link cleanBlocks}. */
export interface CleanBlocksOptions {
  /** Read a headline from the first line (plain text); HTML has its own title. */
  readonly detectTitle: boolean;
  /** Lines known to be headings from an earlier pass (HTML `<h2>` texts), kept as headings. */
  readonly headingTexts?: ReadonlySet<string>;
  readonly referenceDate?: string;
}

/** Cleaned text and what the line stage learnt about it. */
export interface CleanedBlocks {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly headings: readonly Heading[];
  readonly title?: string;
  readonly dateline?: DatelineMatch;
  readonly metadata: CollectedMetadata;
  readonly removed: readonly RemovedFragment[];
  /** True when lines were joined into paragraphs: the text then holds lines no rule has seen. */
  readonly joined: boolean;
}

/**
 * The line stage: rules over lines, then title, subheads and paragraphs, then the dateline of the first
 * prose paragraph. Paragraphs are separated by one blank line; heading offsets are code points.
 */
export function cleanBlocks(blocks: readonly SourceBlock[], options: CleanBlocksOptions): CleanedBlocks {
  const hinted =
    options.headingTexts === undefined || options.headingTexts.size === 0
      ? blocks
      : blocks.map((b) =>
          b.lines.length === 1 && options.headingTexts!.has(b.lines[0]!) ? { ...b, heading: true } : b,
        );
  const classification = classifyLines(hinted, RULE_STAGES);
  const title = options.detectTitle ? findTextTitle(classification) : undefined;
  const subheads = findSubheads(classification, new Set(title === undefined ? [] : [title]));
  const { paragraphs, joined } = assembleParagraphs(classification.kept, subheads, title);

  const parts: string[] = [];
  const spans: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    if (parts.length > 0) offset += 2;
    if (paragraph.kind === 'heading')
      spans.push({ text: paragraph.text, start: offset, end: offset + paragraph.text.length });
    parts.push(paragraph.text);
    offset += paragraph.text.length;
  }
  const text = parts.join('\n\n');
  const toCodePoint = utf16ToCodePointConverter(text);
  const headings = spans.map((s) => ({ text: s.text, start: toCodePoint(s.start), end: toCodePoint(s.end) }));

  const firstProse = paragraphs.find((p) => p.kind === 'prose');
  // A yearless dateline ("PARIS, June 1") is dated by the article's own last-updated stamp when it has
  // one: the upload time can be years later.
  const reference = classification.metadata.updatedAt?.slice(0, 10) ?? options.referenceDate;
  const dateline = firstProse === undefined ? undefined : readDateline(firstProse.text, reference);
  const titleText = title === undefined ? undefined : classification.kept[title]?.text;
  return {
    text,
    paragraphs,
    headings,
    ...(titleText === undefined ? {} : { title: titleText }),
    ...(dateline === undefined ? {} : { dateline }),
    metadata: classification.metadata,
    removed: classification.removed,
    joined,
  };
}
