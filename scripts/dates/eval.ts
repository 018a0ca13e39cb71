/**
 * Scores the date tagger on TimeML files with TempEval-3 semantics:
 *   npm run eval:dates -- DIR [--errors [--context N]]
 * Prints strict/relaxed span P/R/F1 and value/type attribute F1 for all TIMEX3 types and for DATE/TIME only.
 */
import { parseArgs } from 'node:util';
import { createDateTagger } from '../../lambdas/core/dates';
import { normType, relaxedMatching, type ScoredSpan, TimexCounts } from './scoring';
import { loadTimemlDirectory } from './timeml';

const DATE_TIME = new Set(['DATE', 'TIME']);

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      errors: { type: 'boolean', default: false },
      context: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (dir === undefined) {
    process.stderr.write('usage: npm run eval:dates -- DIR [--errors [--context N]] [--json]\n');
    process.exitCode = 2;
    return;
  }
  const docs = loadTimemlDirectory(dir);
  const tagger = createDateTagger();
  const all = new TimexCounts();
  const dateTime = new TimexCounts();
  const started = process.hrtime.bigint();
  let chars = 0;
  for (const doc of docs) {
    if (doc.published === undefined) throw new Error(`${doc.id}: no publication date in <DCT>`);
    chars += doc.text.length;
    const predicted: ScoredSpan[] = tagger.tag(doc.text, { referenceDate: doc.published });
    all.add(doc.gold, predicted);
    dateTime.add(
      doc.gold.filter((g) => DATE_TIME.has(normType(g.type))),
      predicted.filter((p) => DATE_TIME.has(normType(p.type))),
    );
    if (values.errors) printErrors(doc.id, doc.text, doc.gold, predicted, Number(values.context));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const figures = { all: all.figures(), dateTime: dateTime.figures() };
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ docs: docs.length, chars, seconds, tagger: tagger.version, ...figures })}\n`,
    );
    return;
  }
  const row = (
    label: string,
    pick: (f: ReturnType<TimexCounts['figures']>) => { p: number; r: number; f1: number },
  ) => {
    const a = pick(figures.all);
    const d = pick(figures.dateTime);
    const cell = (x: { p: number; r: number; f1: number }) =>
      `${x.p.toFixed(2).padStart(8)} ${x.r.toFixed(2).padStart(8)} ${x.f1.toFixed(2).padStart(8)}`;
    return `${label.padEnd(24)}| ${cell(a)}   | ${cell(d)}`;
  };
  const lines = [
    `TIMEX3 evaluation (TempEval-3 semantics, micro-averaged, %) — ${docs.length} docs, ${chars} chars, tagger ${tagger.version}`,
    `${''.padEnd(24)}| ALL TYPES (G=${figures.all.gold}, S=${figures.all.predicted})`.padEnd(55) +
      `| DATE/TIME (G=${figures.dateTime.gold}, S=${figures.dateTime.predicted})`,
    `${''.padEnd(24)}| ${'P'.padStart(8)} ${'R'.padStart(8)} ${'F1'.padStart(8)}   | ${'P'.padStart(8)} ${'R'.padStart(8)} ${'F1'.padStart(8)}`,
    row('strict span', (f) => f.strict),
    row('relaxed span', (f) => f.relaxed),
    row('value (attribute F1)', (f) => f.value),
    row('type (attribute F1)', (f) => f.type),
    `value accuracy on relaxed: ${figures.all.value.accuracy.toFixed(2)} (all), ${figures.dateTime.value.accuracy.toFixed(2)} (DATE/TIME)`,
    `tagging time ${seconds.toFixed(3)} s (${(chars / seconds / 1e6).toFixed(2)} M chars/s, cold start; see bench.ts for throughput)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printErrors(
  id: string,
  text: string,
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
  context: number,
): void {
  const matching = relaxedMatching(gold, predicted);
  const matched = new Set(matching.values());
  // With --context N, N characters either side of the gold span show the sentence a rule must read.
  const around = (s: ScoredSpan) =>
    context > 0
      ? `\t…${text.slice(Math.max(0, s.start - context), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + context)}…`.replace(
          /\s+/g,
          ' ',
        )
      : '';
  const show = (s: ScoredSpan) => JSON.stringify(text.slice(s.start, s.end));
  gold.forEach((g, i) => {
    const j = matching.get(i);
    const p = j === undefined ? undefined : predicted[j];
    if (p === undefined)
      process.stdout.write(`${id}\tmissed\t${show(g)}\t${g.type}\t${g.value}${around(g)}\n`);
    else if (p.value !== g.value || p.start !== g.start || p.end !== g.end) {
      process.stdout.write(
        `${id}\tdiffers\t${show(g)} ${g.type} ${g.value}\t→ ${show(p)} ${p.type} ${p.value}${around(g)}\n`,
      );
    }
  });
  predicted.forEach((p, j) => {
    if (!matched.has(j))
      process.stdout.write(`${id}\tspurious\t${show(p)}\t${p.type}\t${p.value}${around(p)}\n`);
  });
}

main();
