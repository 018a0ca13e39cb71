import type { Classification } from '../document/classify';
import { startsCapitalised, wordCount } from '../document/shape';
import { isFurnitureBar } from '../rules/furniture-bar';
import { isBareDateline, startsWithDateline } from './dateline';

/**
 * Shape of a headline: up to 25 words, capitalised, not ending like a sentence or a clause, and neither a
 * dateline nor page furniture (an article without a headline has no title rather than a wrong one).
 */
export function isHeadlineShaped(line: string): boolean {
  if (line.length < 3 || line.length > 200 || wordCount(line) > 25) return false;
  if (/[.,;:]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  return (
    startsCapitalised(line) &&
    /\p{L}{2}/u.test(line) &&
    !startsWithDateline(line) &&
    !isBareDateline(line) &&
    !isFurnitureBar(line)
  );
}

/**
 * Position (in `kept`) of a plain-text headline: the first kept line, above the prose, headline-shaped,
 * with more text after it, and not the start of a wrapped paragraph (the next line of its block would
 * then continue in lower case).
 */
export function findTextTitle(classification: Classification): number | undefined {
  const { kept, firstProse } = classification;
  const first = kept[0];
  const next = kept[1];
  if (first === undefined || next === undefined) return undefined;
  if (firstProse >= 0 && first.index >= firstProse) return undefined;
  if (!isHeadlineShaped(first.text)) return undefined;
  if (next.block === first.block && /^\p{Ll}/u.test(next.text)) return undefined;
  return 0;
}
