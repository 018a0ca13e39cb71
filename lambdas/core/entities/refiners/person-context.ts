import { hashString } from '../hash';
import type { FeatureLexicon } from '../lexicon';
import type { EntitySpan } from '../types';
import { normalizeWord } from '../word-shape';
import { unpackWord } from '../word-table';
import { isHeadNoun } from './head-noun';
import { TITLE_WORDS } from './titled-person';

/** Person-context bucket from which the rule applies: 40% of the word's capitalised uses (word-representations.ts). */
const MIN_PERSON_BUCKET = 7;
/** Company-context bucket of a word news never writes next to company words (with 5+ capitalised uses). */
const NO_COMPANY_BUCKET = 1;

const TITLES: ReadonlySet<string> = new Set(TITLE_WORDS);

/**
 * A refiner over spans: a multi-word mention typed other than PERSON whose first word, in title case, 2012–2020
 * news writes right after a title of office or an honorific in 40% or more of its capitalised uses ("President
 * Ursula von der Leyen", "Prime Minister Narendra Modi") and never next to company words is a person. The model
 * reads such a mention from its words' clusters and gazetteers, and the particles of a long foreign name
 * ("von der") look like an organisation's to it; what news writes before the first name says person.
 *
 * In eng.train, 205 multi-word gold mentions that do not end in a head noun ("… Foundation", left alone) open
 * with such a word: 204 people and 1 MISC ("Jerry Lewis Labour Day"). From 20% instead of 40% it would be 638
 * people against 8 organisations ("Elect Res"), 8 places ("Trent Bridge") and 2 MISC.
 */
export function refinePersonContexts(spans: EntitySpan[], lexicon: FeatureLexicon): EntitySpan[] {
  return spans.map((s) => {
    // Most mentions are one word: they are passed over before any splitting.
    if (s.type === 'PERSON' || !/\s/u.test(s.text)) return s;
    const words = s.text.split(/\s+/u);
    const first = words[0] as string;
    if (!/^\p{Lu}\p{Ll}/u.test(first) || TITLES.has(first)) return s;
    if (isHeadNoun(words[words.length - 1] as string)) return s;
    const w = unpackWord(lexicon.words.get(hashString(normalizeWord(first))));
    return w.person >= MIN_PERSON_BUCKET && w.company === NO_COMPANY_BUCKET ? { ...s, type: 'PERSON' } : s;
  });
}
