import type { Candidate } from '../engine/candidate';
import type { Refiner } from '../engine/rule';

/**
 * Keeps the longest of overlapping candidates; between equally long ones the parser earlier in the
 * configuration wins (candidates arrive in configuration order and the sort is stable). Occupied characters are
 * marked in a bitmap, so the cost grows with the text and the spans, not with the square of the spans.
 */
export const overlapRefiner: Refiner = {
  name: 'overlap',
  refine(candidates, { text }) {
    const order = candidates.map((c, i) => ({ c, i }));
    order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
    const size = candidates.reduce((n, c) => Math.max(n, c.end), text.length);
    const taken = new Uint8Array(size + 1);
    const kept: Candidate[] = [];
    for (const { c } of order) {
      let free = true;
      for (let k = c.start; k < c.end && free; k++) free = taken[k] === 0;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};
