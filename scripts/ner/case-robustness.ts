/**
 * How the entity tagger holds up when text loses its capitals or shouts, on a CoNLL file:
 *
 *   npx tsx scripts/ner/case-robustness.ts [FILE]   (default ../shared/data/conll2003/eng.testa)
 *
 * Variants put sentences of more than six tokens (headlines and datelines are shorter and stay as they
 * are) in one case: every other such sentence of a document (`-half`) or all of them (`-all`). Offsets do
 * not move (CoNLL text is ASCII), so gold entities score as they are.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEntityTagger } from '../../lambdas/core/entities';
import { readConll } from './conll';
import { NerScorer } from './score';

const VARIANTS = ['as given', 'upper-half', 'upper-all', 'lower-half', 'lower-all'] as const;

function recase(text: string, variant: (typeof VARIANTS)[number]): string {
  if (variant === 'as given') return text;
  return text
    .split('\n')
    .map((line, i) => {
      const picked = line.split(' ').length > 6 && (variant.endsWith('-all') || i % 2 === 1);
      if (!picked) return line;
      return variant.startsWith('upper') ? line.toUpperCase() : line.toLowerCase();
    })
    .join('\n');
}

function main(): void {
  const file = process.argv[2] ?? resolve(__dirname, '../../../shared/data/conll2003/eng.testa');
  const tagger = createEntityTagger((p) => readFileSync(join(resolve(__dirname, '../../models'), p)));
  const docs = readConll(file);
  console.log(`${'variant'.padEnd(12)} ${'F1'.padStart(6)}   PER    ORG    LOC   MISC`);
  for (const variant of VARIANTS) {
    const scorer = new NerScorer();
    for (const doc of docs) scorer.add(doc.entities, tagger.tag(recase(doc.text, variant)));
    const { overall, perType } = scorer.scores();
    const types = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;
    console.log(
      `${variant.padEnd(12)} ${overall.f1.toFixed(2).padStart(6)} ${types.map((t) => perType[t].f1.toFixed(1).padStart(6)).join(' ')}`,
    );
  }
}

main();
