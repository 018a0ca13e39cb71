import type { ArticleRecord } from '../../lambdas/core/record/types';
import { fitKey } from './query-format';
import { escapeControls } from './terminal-text';

const COLUMNS = [
  { title: 'key', width: 32 },
  { title: 'status', width: 9 },
  { title: 'title', width: 28 },
  { title: 'published', width: 10 },
  { title: 'top entities', width: 44 },
  { title: 'dates', width: 30 },
] as const;

/** Columns a rejection's reason spans: a rejected record has no title, publication day, entities or dates. */
const REASON_WIDTH = COLUMNS.slice(2).reduce((sum, c) => sum + c.width + 2, -2);

/** The header lines of {@link formatRecordRow}'s table. */
export function formatRecordHeader(): string {
  const header = COLUMNS.map((c) => c.title.padEnd(c.width)).join('  ');
  return `${header}\n${COLUMNS.map((c) => '─'.repeat(c.width)).join('  ')}`;
}

/**
 * One record as a table row: what a person checking an ingest wants to see at a glance, starting with the key
 * it was uploaded as (what `newsflow view` and `query article` accept).
 */
export function formatRecordRow(record: ArticleRecord): string {
  const key = fitKey(record.source.key, COLUMNS[0].width);
  const status = truncateCell(record.status, COLUMNS[1].width);
  if (record.status === 'rejected') {
    const reason = `${record.rejection?.code}: ${record.rejection?.message}`;
    return [key, status, truncateCell(reason, REASON_WIDTH)].join('  ').trimEnd();
  }
  const entities = record.entitySummary
    .slice(0, 5)
    .map((e) => `${e.canonical} (${e.type.slice(0, 3)})`)
    .join(', ');
  const dates = [...new Set(record.dates.map((d) => d.value))].slice(0, 5).join(', ');
  const cells = [record.title ?? '(untitled)', record.publishedAt?.slice(0, 10) ?? '', entities, dates];
  return [key, status, ...cells.map((cell, i) => truncateCell(cell, COLUMNS[i + 2]?.width ?? 10))].join('  ');
}

/**
 * Fits a cell to its width. A cut falls between words (a number cut in half reads as a wrong number, "Object
 * is 524288…"), unless one word fills the cell.
 */
function truncateCell(text: string, width: number): string {
  // Whitespace (tabs, line breaks) becomes one space; other control characters become visible escapes.
  const chars = Array.from(escapeControls(text.replace(/\s+/g, ' ')));
  if (chars.length <= width) return chars.join('').padEnd(width);
  let end = width - 1;
  const space = chars.lastIndexOf(' ', end);
  if (chars[end] !== ' ' && space > 0) end = space;
  return `${chars.slice(0, end).join('').trimEnd()}…`.padEnd(width);
}
