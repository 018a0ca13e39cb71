import type { MentionVeto } from './mention-veto';

/** Titles of office: they follow a name's country or body ("U.S. Special Representative") but are no name. */
const TITLES: ReadonlySet<string> = new Set([
  'Adviser',
  'Advisor',
  'Ambassador',
  'Chairman',
  'Chairwoman',
  'Chancellor',
  'Commissioner',
  'Correspondent',
  'Director',
  'Envoy',
  'Governor',
  'Minister',
  'Official',
  'Officials',
  'Premier',
  'President',
  'Prosecutor',
  'Representative',
  'Secretary',
  'Senator',
  'Spokesman',
  'Spokeswoman',
]);

/**
 * A multi-word ORGANIZATION mention ending in a title of office ("U.S. Special Representative") is a title
 * with a place or body in front, not an organisation: no gold organisation of eng.train ends in one of these
 * words.
 */
export const titleNoun: MentionVeto = {
  name: 'title-noun',
  lastWordOutside: true,
  vetoes(words, mention) {
    return (
      mention.type === 'ORGANIZATION' &&
      mention.last > mention.first &&
      TITLES.has(words[mention.last] as string)
    );
  },
};
