import type { ArticleRecord } from '../../lambdas/core/record/types';
import { escapeControls } from './terminal-text';

const COLUMNS = [
  { title: 'article', width: 26 },
  { title: 'status', width: 9 },
  { title: 'title', width: 28 },
  { title: 'published', width: 10 },
  { title: 'top entities', width: 44 },
  { title: 'dates', width: 30 },
] as const;

/** The header lines of {@link formatRecordRow}'s table. */
export function formatRecordHeader(): string {
  const header = COLUMNS.map((c) => c.title.padEnd(c.width)).join('  ');
  return `${header}\n${COLUMNS.map((c) => '─'.repeat(c.width)).join('  ')}`;
}

/** One record as a table row: what a person checking an ingest wants to see at a glance. */
export function formatRecordRow(record: ArticleRecord): string {
  const name = record.source.key.split('/').pop() ?? record.source.key;
  const entities = record.entitySummary
    .slice(0, 5)
    .map((e) => `${e.canonical} (${e.type.slice(0, 3)})`)
    .join(', ');
  const dates = [...new Set(record.dates.map((d) => d.value))].slice(0, 5).join(', ');
  const cells = [
    name,
    record.status,
    record.status === 'rejected'
      ? `${record.rejection?.code}: ${record.rejection?.message}`
      : (record.title ?? ''),
    record.publishedAt?.slice(0, 10) ?? '',
    entities,
    dates,
  ];
  return cells.map((cell, i) => truncateCell(cell, COLUMNS[i]?.width ?? 10)).join('  ');
}

function truncateCell(text: string, width: number): string {
  // Whitespace (tabs, line breaks) becomes one space; other control characters become visible escapes.
  const chars = Array.from(escapeControls(text.replace(/\s+/g, ' ')));
  return chars.length <= width ? chars.join('').padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}
