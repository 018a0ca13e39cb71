import type { Candidate } from '../engine/candidate';
import type { Refiner } from '../engine/rule';

/**
 * Keeps the longest of overlapping candidates; between equally long ones the parser earlier in the
 * configuration wins (candidates arrive in configuration order and the sort is stable).
 */
export const overlapRefiner: Refiner = {
  name: 'overlap',
  refine(candidates) {
    const order = candidates.map((c, i) => ({ c, i }));
    order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
    const kept: Candidate[] = [];
    for (const { c } of order) {
      if (kept.every((k) => k.end <= c.start || c.end <= k.start)) kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};
