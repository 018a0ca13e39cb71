/**
 * Scores the entity tagger on a CoNLL-format file with the project's own code:
 *
 *   npm run eval:ner -- FILE [--models DIR] [--errors N]
 *
 * Documents are rebuilt exactly as ner_eval.py builds them (tokens joined by spaces, sentences by newlines)
 * and tagged through `tagText`, the pipeline's entry point, so the figures are those of the deployed path.
 * Scoring follows conlleval: exact (start, end, type) matches, micro-averaged precision/recall/F1.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDateTagger } from '../../lambdas/core/dates';
import { createEntityTagger } from '../../lambdas/core/entities';
import { ENTITY_TYPES } from '../../lambdas/core/entities/types';
import { tagText } from '../../lambdas/core/tagging/tag-text';
import { readConll, SHORT_TYPE } from './conll';
import { NerScorer, type Prf } from './score';

function row(name: string, r: Prf): string {
  const f = (x: number): string => x.toFixed(2).padStart(9);
  return `${name.padEnd(22)} ${f(r.precision)} ${f(r.recall)} ${f(r.f1)} ${String(r.nGold).padStart(7)} ${String(r.nPred).padStart(7)} ${String(r.tp).padStart(7)}`;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { models: { type: 'string' }, errors: { type: 'string', default: '0' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined) {
    process.stderr.write('usage: npm run eval:ner -- FILE [--models DIR] [--errors N]\n');
    process.exitCode = 2;
    return;
  }
  const dir = values.models ?? resolve(__dirname, '../../models');
  const entities = createEntityTagger((p) => readFileSync(join(dir, p)));
  const taggers = { entities, dates: createDateTagger() };
  const docs = readConll(file);
  const scorer = new NerScorer();
  let tokens = 0;
  let shown = 0;
  const maxErrors = Number(values.errors);
  const started = performance.now();
  for (const doc of docs) {
    tokens += doc.sentences.reduce((a, s) => a + s.length, 0);
    const predicted = tagText(doc.text, '1996-08-22', taggers).entities;
    scorer.add(doc.entities, predicted);
    if (shown < maxErrors) {
      const gold = new Set(doc.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
      const pred = new Set(predicted.map((e) => `${e.start}:${e.end}:${e.type}`));
      for (const e of doc.entities) {
        if (!pred.has(`${e.start}:${e.end}:${e.type}`) && shown++ < maxErrors)
          console.log(
            `FN ${doc.id} ${SHORT_TYPE[e.type]} ${doc.text.slice(e.start, e.end)} | ${context(doc.text, e.start, e.end)}`,
          );
      }
      for (const e of predicted) {
        if (!gold.has(`${e.start}:${e.end}:${e.type}`) && shown++ < maxErrors)
          console.log(`FP ${doc.id} ${SHORT_TYPE[e.type]} ${e.text} | ${context(doc.text, e.start, e.end)}`);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const s = scorer.scores();
  console.log(
    `file: ${resolve(file)}   documents: ${docs.length}   tokens: ${tokens}   tagger: ${entities.version}`,
  );
  console.log(
    `tagging time: ${seconds.toFixed(2)} s (${Math.round(tokens / seconds)} tokens/s, one process)\n`,
  );
  console.log(
    `${'type'.padEnd(22)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)} ${'gold'.padStart(7)} ${'pred'.padStart(7)} ${'correct'.padStart(7)}`,
  );
  for (const t of ENTITY_TYPES) console.log(row(SHORT_TYPE[t], s.perType[t]));
  console.log('-'.repeat(75));
  console.log(row('overall', s.overall));
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 40), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 40)}`.replace(
    /\n/g,
    ' / ',
  );
}

main();
