/**
 * Builds `resources/lookup/entity-aliases.json`, the table that gives a country's alternative names and its
 * demonym one entity lookup key ("U.S.", "USA", "America", "American" → `united states`):
 *
 *   npx tsx scripts/lookup/build-entity-aliases.ts [--out FILE]
 *
 * Sources are pinned npm devDependencies (MIT): `countries-list` (English names and their aliases) and
 * `i18n-nationality` (English demonyms). No network; the output is sorted, so a rebuild is byte for byte the
 * same. A name two countries claim (a shared demonym) is left out rather than guessed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aliasForm, normalizeName } from '../../lambdas/adapters/article-table';

const ROOT = resolve(__dirname, '..', '..');
/** The committed table; `--out FILE` writes elsewhere (the test compares a rebuild with it). */
export const ENTITY_ALIASES_FILE = join(ROOT, 'resources/lookup/entity-aliases.json');

/** Entries the sources get wrong: i18n-nationality gives Wallis and Futuna the demonym of Wales. */
const WRONG = new Set(['welsh']);

interface Country {
  readonly name: string;
  readonly alias?: readonly string[];
}

/** The alias table's file content, built from the sources. */
export function entityAliasesJson(): string {
  const { countries } = require('countries-list') as { countries: Record<string, Country> };
  const nationality = require('i18n-nationality') as {
    registerLocale(locale: unknown): void;
    getNames(lang: string): Record<string, string>;
  };
  nationality.registerLocale(require('i18n-nationality/langs/en.json'));
  const demonyms = nationality.getNames('en');
  const claims = new Map<string, Set<string>>();
  const claim = (alias: string, identity: string): void => {
    // Qualified entries ("Congolese (Republic of the Congo)", "Virgin Islands, British") are not names in text.
    if (/[(),]| - /.test(alias)) return;
    const form = aliasForm(normalizeName(alias));
    if (form.length < 2 || form === identity || WRONG.has(form)) return;
    claims.set(form, (claims.get(form) ?? new Set()).add(identity));
  };
  for (const [code, country] of Object.entries(countries)) {
    const identity = normalizeName(country.name);
    for (const alias of country.alias ?? []) claim(alias, identity);
    const demonym = demonyms[code];
    if (demonym !== undefined) claim(demonym, identity);
  }
  const aliases: Record<string, string> = {};
  for (const form of [...claims.keys()].sort()) {
    const identities = claims.get(form)!;
    if (identities.size === 1) aliases[form] = [...identities][0]!;
  }
  const table = {
    description:
      'Entity lookup keys: a name whose alias form (normalised, periods removed) is listed is looked up under its country. Built by scripts/lookup/build-entity-aliases.ts from countries-list and i18n-nationality.',
    aliases,
  };
  return `${JSON.stringify(table, null, 2)}\n`;
}

function main(): void {
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag >= 0 ? resolve(process.argv[outFlag + 1] ?? '') : ENTITY_ALIASES_FILE;
  const json = entityAliasesJson();
  writeFileSync(out, json);
  process.stdout.write(`${Object.keys(JSON.parse(json).aliases).length} aliases -> ${out}\n`);
}

if (require.main === module) main();
