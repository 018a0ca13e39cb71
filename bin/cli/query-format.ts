import type { ArticleSummary, EntityHit, PublishedArticle } from '../../lambdas/reader';
import { escapeControls } from './terminal-text';

const COLUMNS = [
  { title: 'published', width: 25 },
  { title: 'key', width: 28 },
  { title: 'title', width: 40 },
  { title: 'article', width: 32 },
] as const;

/** The header lines of {@link formatHitRow}'s table, with an extra column for entity matches. */
export function formatHitHeader(extra?: string): string {
  const titles = COLUMNS.map((c) => c.title.padEnd(c.width));
  const rules = COLUMNS.map((c) => '─'.repeat(c.width));
  if (extra) {
    titles.push(extra);
    rules.push('─'.repeat(24));
  }
  return `${titles.join('  ').trimEnd()}\n${rules.join('  ')}`;
}

/**
 * One hit as a table row: when, the S3 key it was uploaded as (what `query article` and `view` accept), its
 * title, its id, and how it matched.
 */
export function formatHitRow(hit: ArticleSummary | PublishedArticle | EntityHit, key?: string): string {
  const when = hit.publishedAt ?? `${hit.sortTime} (uploaded)`;
  const title = 'status' in hit && hit.status === 'rejected' ? '(rejected)' : (hit.title ?? '(untitled)');
  const cells = [when, key ?? '(deleted)', title, hit.articleId].map((cell, i) =>
    i === 1 ? fitKey(cell, COLUMNS[i]!.width) : fitCell(cell, COLUMNS[i]?.width ?? 10),
  );
  if ('matches' in hit) cells.push(hit.matches.map((m) => `${m.type} ×${m.mentions}`).join(', '));
  return cells.join('  ').trimEnd();
}

function fitCell(text: string, width: number): string {
  // Titles come from article text: control characters print as visible escapes, not terminal commands.
  const chars = Array.from(escapeControls(text.replace(/\s+/g, ' ')));
  return chars.length <= width ? chars.join('').padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** Keys are cut at their start, so the file name, the part that tells articles apart, stays. */
export function fitKey(key: string, width: number): string {
  const chars = Array.from(escapeControls(key.replace(/\s+/g, ' ')));
  return chars.length <= width ? chars.join('').padEnd(width) : `…${chars.slice(-(width - 1)).join('')}`;
}
