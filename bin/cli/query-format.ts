import type { ArticleSummary, EntityHit, PublishedArticle } from '../../lambdas/reader';
import { escapeControls } from './terminal-text';

const COLUMNS = [
  { title: 'published', width: 25 },
  { title: 'article', width: 32 },
  { title: 'title', width: 48 },
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

/** One hit as a table row: when, which article, its title, and how it matched. */
export function formatHitRow(hit: ArticleSummary | PublishedArticle | EntityHit): string {
  const when = hit.publishedAt ?? `${hit.sortTime} (uploaded)`;
  const title = 'status' in hit && hit.status === 'rejected' ? '(rejected)' : (hit.title ?? '');
  const cells = [when, hit.articleId, title].map((cell, i) => fitCell(cell, COLUMNS[i]?.width ?? 10));
  if ('matches' in hit) cells.push(hit.matches.map((m) => `${m.type} ×${m.mentions}`).join(', '));
  return cells.join('  ').trimEnd();
}

function fitCell(text: string, width: number): string {
  // Titles come from article text: control characters print as visible escapes, not terminal commands.
  const chars = Array.from(escapeControls(text.replace(/\s+/g, ' ')));
  return chars.length <= width ? chars.join('').padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}
