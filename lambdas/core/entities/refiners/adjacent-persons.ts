import type { EntitySpan } from '../types';

/** Only spaces or tabs between two mentions: the same line, nothing said between them. */
const SAME_NAME_GAP = /^[ \t\u00a0]+$/;

/**
 * A refiner over spans: two PERSON mentions with nothing but spaces between them are one person's name
 * ("Donald" + "Trump" → "Donald Trump"). CoNLL-2003 marks two adjacent names of one type with `B-`, and no
 * `B-PER` occurs in the 203k tokens of eng.train, so a split name is the tagger's error, not two people.
 */
export function mergeAdjacentPersons(text: string, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const s of spans) {
    const prev = out.at(-1);
    if (
      prev !== undefined &&
      prev.type === 'PERSON' &&
      s.type === 'PERSON' &&
      SAME_NAME_GAP.test(text.slice(prev.end, s.start))
    ) {
      out[out.length - 1] = {
        text: text.slice(prev.start, s.end),
        type: 'PERSON',
        start: prev.start,
        end: s.end,
      };
      continue;
    }
    out.push(s);
  }
  return out;
}
