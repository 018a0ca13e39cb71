import type { EntitySpan } from '../types';

/**
 * Titles and honorifics written right before a person's name ("Senator Bernie Sanders", "Gov. Ron DeSantis").
 * One word each: a longer title ends in one of them ("Prime Minister", "Crown Prince"). `build-lexicon`
 * counts how often news writes a word right after one of them (the person-context rule reads that share).
 */
export const TITLE_WORDS: readonly string[] = [
  'Ambassador',
  'Archbishop',
  'Bishop',
  'Cardinal',
  'Chancellor',
  'Chairman',
  'Chairwoman',
  'Commissioner',
  'Congressman',
  'Congresswoman',
  'Dr.',
  'Envoy',
  'Gov.',
  'Governor',
  'Judge',
  'King',
  'Mayor',
  'Minister',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Pope',
  'Premier',
  'President',
  'Prince',
  'Princess',
  'Prosecutor',
  'Queen',
  'Rep.',
  'Representative',
  'Sen.',
  'Senator',
  'Sheikh',
  'Spokesman',
  'Spokeswoman',
];

const TITLES = TITLE_WORDS.map((t) => t.replace('.', '\\.')).join('|');

/** A title as the last word before a mention (group 1: what precedes the title, empty at the slice's start). */
const TITLE_BEFORE = new RegExp(`(^|\\s)(?:${TITLES})\\s+$`);

/** How far back the title is looked for: the longest title, a space, and slack for runs of spaces. */
const LOOK_BACK = 24;

/**
 * A refiner over spans: a mention typed LOCATION, ORGANIZATION or MISC that comes right after a title of
 * office or an honorific outside any mention ("Senator Bernie Sanders") is a person. In eng.train 277 gold
 * mentions start right after one of these titles outside any mention: 275 people, 2 places ("Minister
 * Florence"), no organisation or MISC. The model sees the title in its window, but words it reads as a place
 * or a company ("Sanders" is a place name in its gazetteers) can outweigh it.
 */
export function refineTitledPersons(text: string, spans: EntitySpan[]): EntitySpan[] {
  let previousEnd = 0;
  return spans.map((s) => {
    const from = Math.max(previousEnd, s.start - LOOK_BACK);
    previousEnd = s.end;
    if (s.type === 'PERSON') return s;
    const m = TITLE_BEFORE.exec(text.slice(from, s.start));
    // A title found at the slice's start must start a word of the text too ("Mayor", not "…mayor").
    const wordStart = m !== null && (m[1] !== '' || from === 0 || /\s/.test(text.charAt(from - 1)));
    return wordStart ? { ...s, type: 'PERSON' } : s;
  });
}
