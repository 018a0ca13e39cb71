import type { EntitySpan } from '../types';

/** Nouns a person's name modifies: "the Trump administration", "the Clinton campaign", "Yeltsin aides". */
const FOLLOWERS =
  /^\s+(?:administration|government|presidency|campaign|aides|camp|era|allies|loyalists|family)\b/;

/**
 * A refiner over spans: a one-word mention typed MISC or ORGANIZATION before a noun a person's name modifies
 * ("the Trump administration") is that person when the article names them as a person elsewhere (CoNLL files
 * "Clinton administration" under PERSON; alone, such a word is as often a party: "the Republican
 * administration", which the article never tags as a person).
 */
export function refineNamesakes(text: string, spans: EntitySpan[]): EntitySpan[] {
  const people = new Set<string>();
  for (const s of spans) if (s.type === 'PERSON') for (const w of s.text.split(/\s+/)) people.add(w);
  if (people.size === 0) return spans;
  return spans.map((s) =>
    (s.type === 'MISC' || s.type === 'ORGANIZATION') &&
    !s.text.includes(' ') &&
    people.has(s.text) &&
    FOLLOWERS.test(text.slice(s.end, s.end + 16))
      ? { ...s, type: 'PERSON' }
      : s,
  );
}
