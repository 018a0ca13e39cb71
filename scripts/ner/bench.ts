/**
 * Entity tagger benchmark (one core, steady state):
 *
 *   npx tsx scripts/ner/bench.ts [FILE] [--models DIR] [--seconds N]
 *
 * Reports model load time (file read excluded: decoding and indexing the model, as at a Lambda cold start),
 * then tokens per second of `EntityTagger.tag` alone and of the CLI's per-document work (`tagText` with the date
 * tagger, plus the JSON line it prints), each after a warm-up pass. Throughput is given per CPU second of
 * this process (what one core delivers, robust to other load on a shared machine) and per wall second.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDateTagger } from '../../lambdas/core/dates';
import { createEntityTagger } from '../../lambdas/core/entities';
import { tagText } from '../../lambdas/core/tagging/tag-text';
import { readConll } from './conll';

function measure(
  label: string,
  docs: readonly string[],
  tokens: number,
  seconds: number,
  fn: (text: string) => void,
): void {
  for (const d of docs) fn(d);
  let done = 0;
  let passes = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < seconds * 1000) {
    for (const d of docs) fn(d);
    done += tokens;
    passes++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (x: number): string =>
    Math.round(done / x)
      .toLocaleString('en-US')
      .padStart(10);
  console.log(
    `${label.padEnd(32)} ${rate(cpuSeconds)} tokens/CPU-s ${rate(elapsed)} tokens/wall-s  (${passes} passes, ${elapsed.toFixed(1)} s)`,
  );
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { models: { type: 'string' }, seconds: { type: 'string', default: '10' } },
    allowPositionals: true,
  });
  const file = positionals[0] ?? resolve(__dirname, '../../../shared/data/conll2003/eng.testa');
  const dir = values.models ?? resolve(__dirname, '../../models');
  const bytes = readFileSync(join(dir, 'ner/model.bin'));
  const loadStart = performance.now();
  const loadCpu = process.cpuUsage();
  const entities = createEntityTagger(() => bytes);
  const loadMs = performance.now() - loadStart;
  const loadUsage = process.cpuUsage(loadCpu);
  const loadCpuMs = (loadUsage.user + loadUsage.system) / 1000;
  console.log(
    `model: ${join(dir, 'ner/model.bin')} (${(bytes.length / 1e6).toFixed(2)} MB), ${entities.version}`,
  );
  console.log(
    `model load (decode + index, cold): ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`,
  );
  const docs = readConll(file);
  const texts = docs.map((d) => d.text);
  const tokens = docs.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.length, 0), 0);
  console.log(`corpus: ${file}, ${docs.length} documents, ${tokens} tokens`);
  const seconds = Number(values.seconds);
  measure('EntityTagger.tag', texts, tokens, seconds, (t) => void entities.tag(t));
  const taggers = { entities, dates: createDateTagger() };
  measure('tagText + JSON line (CLI work)', texts, tokens, seconds, (t) => {
    const tagged = tagText(t, '1996-08-30', taggers);
    void JSON.stringify({ id: 'x', entities: tagged.entities, dates: tagged.dates });
  });
}

main();
