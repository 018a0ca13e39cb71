import { endsSentence } from '../document/shape';
import type { LineRule } from './types';

const MIN_RUN = 4;

/** A menu entry: one to three words, no sentence end, no digits (dates and scores are not menus). */
function isMenuEntry(line: string | undefined): boolean {
  if (line === undefined || line.length > 30 || /\d/.test(line) || endsSentence(line)) return false;
  return line.split(' ').filter((w) => w !== '&' && w !== '|').length <= 3;
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
    let start = index;
    while (start > 0 && isMenuEntry(lines[start - 1])) start--;
    let end = index;
    while (end < lines.length - 1 && isMenuEntry(lines[end + 1])) end++;
    return end - start + 1 >= MIN_RUN ? { action: 'remove' } : undefined;
  },
};
