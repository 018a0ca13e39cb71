import type { Candidate } from '../engine/candidate';
import type { Refiner } from '../engine/rule';
import type { NumericDateOrder } from '../lexicon/locale';
import { dayAndMonthCandidate, orderOfNumbers, readDayAndMonth } from '../parsers/numeric-date';

/**
 * An article writes its numeric dates one way. When the dates whose numbers decide their order ("31/03/2024":
 * day first) all agree, the article's swappable ones ("03/04/2024") are read the same way, whatever locale the
 * caller declared: a page declared `en-US` that prints "31/03/2024" writes days first. With no such evidence, or
 * with evidence both ways, the parser's reading (by locale, else year only) stands.
 */
export const numericOrderRefiner: Refiner = {
  name: 'numeric-order',
  refine(candidates, { text }) {
    const numeric = candidates.filter((c) => c.rule === 'numeric-date');
    if (numeric.length < 2) return [...candidates];
    const order = articleOrder(numeric.map((c) => text.slice(c.start, c.end)));
    if (order === undefined) return [...candidates];
    return candidates.map((c): Candidate => {
      if (c.rule !== 'numeric-date') return c;
      const numbers = readDayAndMonth(text.slice(c.start, c.end));
      if (numbers === undefined || orderOfNumbers(numbers.first, numbers.second) !== undefined) return c;
      return dayAndMonthCandidate(c.rule, c.start, c.end, numbers, order) ?? c;
    });
  },
};

/** The one order every self-deciding date of the article uses (equal numbers decide nothing); else undefined. */
function articleOrder(spans: readonly string[]): NumericDateOrder | undefined {
  let found: NumericDateOrder | undefined;
  for (const span of spans) {
    const numbers = readDayAndMonth(span);
    if (numbers === undefined || numbers.first === numbers.second) continue;
    const order = orderOfNumbers(numbers.first, numbers.second);
    if (order === undefined || order === null) continue;
    if (found !== undefined && found !== order) return undefined;
    found = order;
  }
  return found;
}
