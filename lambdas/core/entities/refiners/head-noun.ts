import type { MentionVeto } from './mention-veto';

/**
 * Last words that make a name a place, a body or a thing ("English Channel", "Green Square",
 * "Tesla Inc."); a trailing full stop is ignored.
 */
const HEADS: ReadonlySet<string> = new Set([
  'Agency',
  'Airlines',
  'Airport',
  'Airways',
  'Army',
  'Assembly',
  'Association',
  'Authority',
  'Bank',
  'Bay',
  'Board',
  'Bureau',
  'Canal',
  'Channel',
  'Church',
  'Club',
  'Co',
  'College',
  'Commission',
  'Committee',
  'Company',
  'Congress',
  'Corp',
  'Corporation',
  'Council',
  'Court',
  'Department',
  'Desert',
  'Exchange',
  'Federation',
  'Foundation',
  'Fund',
  'Gulf',
  'Holdings',
  'Hospital',
  'Inc',
  'Institute',
  'Island',
  'Islands',
  'Lake',
  'League',
  'Ltd',
  'Ministry',
  'Mountains',
  'Movement',
  'Ocean',
  'Organisation',
  'Organization',
  'Parliament',
  'Party',
  'Peninsula',
  'Plc',
  'Police',
  'Reserve',
  'River',
  'School',
  'Sea',
  'Square',
  'Stadium',
  'Strait',
  'Street',
  'Union',
  'University',
  'Valley',
]);

/**
 * A multi-word PERSON mention ending in one of these words is not a person: 7 of 850 such gold mentions
 * in eng.train are (racehorses and an annotation slip among them).
 */
export const headNoun: MentionVeto = {
  name: 'head-noun',
  vetoes(words, mention) {
    if (mention.type !== 'PERSON' || mention.last === mention.first) return false;
    return isHeadNoun(words[mention.last] as string);
  },
};

/** Whether a name's last word makes it a place, a body or a thing ("Channel", "Corp."). */
export function isHeadNoun(word: string): boolean {
  return HEADS.has(word.endsWith('.') ? word.slice(0, -1) : word);
}
