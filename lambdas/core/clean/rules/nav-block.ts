import { endsSentence } from '../document/shape';
import type { LineRule } from './types';

const MIN_RUN = 4;

/** A menu entry: one to three words, no sentence end, no digits (dates and scores are not menus). */
function isMenuEntry(line: string | undefined): boolean {
  if (line === undefined || line.length > 30 || /\d/.test(line) || endsSentence(line)) return false;
  return line.split(' ').filter((w) => w !== '&' && w !== '|').length <= 3;
}

const RUNS = new WeakMap<readonly string[], Int32Array>();

/**
 * Length of the run of menu entries each line belongs to (0 for other lines), computed once per line list:
 * walking the run from every line would be quadratic in a page of ten thousand one-word lines.
 */
function runLengths(lines: readonly string[]): Int32Array {
  let runs = RUNS.get(lines);
  if (runs !== undefined) return runs;
  runs = new Int32Array(lines.length);
  let start = 0;
  while (start < lines.length) {
    if (!isMenuEntry(lines[start])) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < lines.length && isMenuEntry(lines[end + 1])) end++;
    runs.fill(end - start + 1, start, end + 1);
    start = end + 1;
  }
  RUNS.set(lines, runs);
  return runs;
}

/**
 * Navigation menus scraped as one entry per line (`World`, `Business`, `Markets`, `Sport`) above or below
 * the article: runs of at least four menu-like lines. Never in the body, where a list may look the same.
 */
export const navBlockRule: LineRule = {
  id: 'nav-block',
  reason: 'navigation menu',
  zones: ['header', 'footer'],
  match(line, { lines, index }) {
    if (!isMenuEntry(line)) return undefined;
    return (runLengths(lines)[index] ?? 0) >= MIN_RUN ? { action: 'remove' } : undefined;
  },
};
