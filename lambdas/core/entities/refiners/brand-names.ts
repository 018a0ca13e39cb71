import { type FeatureLexicon, PhraseTable } from '../lexicon';
import type { EntitySpan } from '../types';

const BRAND_LISTS = ['brand'];
const PLACE_LISTS = ['country', 'city', 'region', 'location', 'nationality'];

/**
 * A refiner over spans: a one-word mention typed LOCATION, written in title case, that the gazetteers list as a
 * brand (name-suggestion-index: the chains and companies of the 2020s) and never as a place, is an organisation
 * ("Tesla", "Amazon", "Walmart"). The 1996 training news names few companies the tagger has no word features
 * for, and it reads an unseen capitalised word standing alone as a place. All-caps words and abbreviations
 * (datelines, "H.K.") are left to the model: in eng.train they are places the lists miss.
 */
export function refineBrandNames(spans: EntitySpan[], lexicon: FeatureLexicon): EntitySpan[] {
  const brand = categoryMask(lexicon, BRAND_LISTS);
  const place = categoryMask(lexicon, PLACE_LISTS);
  if (brand === 0) return spans;
  return spans.map((s) => {
    if (s.type !== 'LOCATION' || !/^\p{Lu}\p{Ll}+$/u.test(s.text)) return s;
    const mask = lexicon.phrases.get(PhraseTable.hashTokens([s.text.toLowerCase()]));
    return (mask & brand) !== 0 && (mask & place) === 0 ? { ...s, type: 'ORGANIZATION' } : s;
  });
}

function categoryMask(lexicon: FeatureLexicon, names: readonly string[]): number {
  let mask = 0;
  lexicon.categories.forEach((c, i) => {
    if (names.includes(c)) mask |= 1 << i;
  });
  return mask;
}
