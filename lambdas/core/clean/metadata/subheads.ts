import type { Classification } from '../document/classify';
import {
  endsSentence,
  isAllCaps,
  isSubstantialProse,
  startsCapitalised,
  unquote,
  wordCount,
} from '../document/shape';
import { isBareDateline, startsWithDateline } from './dateline';

const DANGLING_WORD = /\b(?:the|a|an|of|and|or|to|in|on|for|with|at|by|from|that|said)$/i;

/** Shape of a section subhead: a short capitalised line without sentence punctuation. */
export function isSubheadShaped(line: string): boolean {
  const text = unquote(line);
  if (text.length < 2 || text.length > 80) return false;
  const words = wordCount(text);
  if (words > 10 || /[.,;:!?…]$/.test(text) || !startsCapitalised(text) || !/\p{L}/u.test(text)) return false;
  return !DANGLING_WORD.test(text) && !startsWithDateline(text) && !isBareDateline(text);
}

/**
 * Finds section subheads among the kept lines (positions in `kept`): lines the source marked as headings,
 * and subhead-shaped lines between prose that stand alone in their block (`"THE BEST PLAN"`, `MILITARY
 * TENSIONS`). In text without blank lines, a short all-caps line between two sentences also counts.
 */
export function findSubheads(classification: Classification, excluded: ReadonlySet<number>): Set<number> {
  const { kept, firstProse, lastProse } = classification;
  const perBlock = new Map<number, number>();
  for (const line of kept) perBlock.set(line.block, (perBlock.get(line.block) ?? 0) + 1);
  const headings = new Set<number>();
  for (let p = 0; p < kept.length; p++) {
    const line = kept[p]!;
    if (excluded.has(p)) continue;
    if (line.headingHint) {
      if (line.text.length <= 200) headings.add(p);
      continue;
    }
    if (firstProse < 0 || line.index <= firstProse || line.index >= lastProse || !isSubheadShaped(line.text))
      continue;
    if (perBlock.get(line.block) === 1) {
      headings.add(p);
      continue;
    }
    const prev = kept[p - 1];
    const next = kept[p + 1];
    const inRunningText =
      prev?.block === line.block &&
      next?.block === line.block &&
      endsSentence(prev.text) &&
      isSubstantialProse(next.text);
    if (inRunningText && (isAllCaps(line.text) || wordCount(line.text) <= 6)) headings.add(p);
  }
  return headings;
}
