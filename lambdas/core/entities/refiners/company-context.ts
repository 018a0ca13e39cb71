import { hashString } from '../hash';
import type { FeatureLexicon } from '../lexicon';
import type { EntitySpan } from '../types';
import { normalizeWord } from '../word-shape';
import { unpackWord } from '../word-table';

/** Company-context bucket from which the rule applies: 1% of the word's capitalised uses (word-representations.ts). */
const MIN_COMPANY_BUCKET = 5;
/** Place-context bucket up to which the rule applies: under 10% of its capitalised uses after "in", "from"… */
const MAX_PLACE_BUCKET = 4;

/**
 * A refiner over spans: a one-word mention typed LOCATION, written in title case, that 2012–2020 news writes
 * next to company words in 1% or more of its capitalised uses ("Uber's chief executive", "shares of Uber", "the
 * startup…") and after a preposition of place in under 10% ("in Chicago") is an organisation. The model weighs
 * the company share as a feature, but the 1996 training news names few companies without their own word
 * features, so it learns little weight for it and reads an unseen capitalised word standing alone as a place.
 *
 * In eng.train, 121 one-word title-case gold mentions have such shares: 76 organisations ("Samsung", "Gazprom",
 * "Microsoft"), 23 MISC ("Nasdaq", "Nigerian"), 8 people and 14 places: "Kremlin" 11 times and the river
 * "Amazon" 3 (which brand-names already makes an organisation), 14 of its 4,665 one-word title-case gold places.
 * "Vatican", "Athens" and "Cambridge" have company contexts too but are written after prepositions of place
 * often enough to stay places. Words news capitalises fewer than 5 times have no shares and are left alone.
 */
export function refineCompanyContexts(spans: EntitySpan[], lexicon: FeatureLexicon): EntitySpan[] {
  return spans.map((s) => {
    if (s.type !== 'LOCATION' || !/^\p{Lu}\p{Ll}+$/u.test(s.text)) return s;
    const w = unpackWord(lexicon.words.get(hashString(normalizeWord(s.text))));
    return w.company >= MIN_COMPANY_BUCKET && w.place !== 0 && w.place <= MAX_PLACE_BUCKET
      ? { ...s, type: 'ORGANIZATION' }
      : s;
  });
}
