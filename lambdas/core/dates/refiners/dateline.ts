import type { Refiner } from '../engine/rule';

// "WASHINGTON, August 11 (Xinhua) --": the agency tag and dash after the date mark a wire dateline.
const AGENCY_AFTER = /^\s*\([A-Z][A-Za-z.\s-]{0,20}\)\s*(?:--|—|–|-|_)/;

/**
 * Drops wire datelines: the date in "WASHINGTON, August 11 (Xinhua) --" restates the publication date and is
 * not part of the story (news annotation leaves it out).
 */
export const datelineRefiner: Refiner = {
  name: 'dateline',
  refine(candidates, { text }) {
    return candidates.filter((c) => !AGENCY_AFTER.test(text.slice(c.end, c.end + 30)));
  },
};
