/**
 * Throughput of the date tagger on one core:
 *   npx tsx scripts/dates/bench.ts [DIR] [--rounds N]
 * Tags every TimeML document of DIR (default: ../shared/data/timeml-dev) once to warm up, then N rounds, and
 * prints MB/s of UTF-8 text. Not a test: timings depend on the machine and its load.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDateTagger } from '../../lambdas/core/dates';
import { loadTimemlDirectory } from './timeml';

function main(): void {
  const { values, positionals } = parseArgs({
    options: { rounds: { type: 'string', default: '5' } },
    allowPositionals: true,
  });
  const dir = positionals[0] ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'timeml-dev');
  const rounds = Number(values.rounds);
  const docs = loadTimemlDirectory(dir).map((d) => ({
    text: d.text,
    published: d.published ?? '2000-01-01',
  }));
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  const tagger = createDateTagger();
  let spans = 0;
  for (const d of docs) spans += tagger.tag(d.text, { referenceDate: d.published }).length;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const d of docs) tagger.tag(d.text, { referenceDate: d.published });
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    cpu.push((c.user + c.system) / 1e6);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const wall = median(times);
  const busy = median(cpu);
  // CPU time is what "per core" means on a shared machine; wall time also counts waiting for the core.
  process.stdout.write(
    `${docs.length} docs, ${(bytes / 1e6).toFixed(3)} MB, ${spans} spans; ${rounds} rounds (median): ` +
      `${(bytes / 1e6 / busy).toFixed(2)} MB/s per core (CPU ${busy.toFixed(3)} s), ` +
      `${(bytes / 1e6 / wall).toFixed(2)} MB/s wall (${wall.toFixed(3)} s)\n`,
  );
}

main();
