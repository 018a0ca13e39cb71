/**
 * Throughput of the `tag --jsonl` contract, per core, at steady state:
 *
 *   npx tsx scripts/ner/bench-cli.ts [FILE] [--copies N] [--seconds S] [--skip-cli] [--skip-in-process]
 *
 * FILE is a CoNLL file (default ../shared/data/conll2003/eng.train); its documents are rebuilt as
 * `ner_eval.py export` does and tokens are counted as CoNLL tokens.
 *
 * 1. In process: the whole per-document path of the CLI (`tagText`: both taggers, canonicalisation,
 *    code-point offsets; then the JSON line the CLI prints), after a warm-up pass, for S seconds.
 * 2. The real CLI (`node --import tsx bin/newsflow.ts tag --jsonl`): the corpus is fed N times, one copy at a
 *    time; after each copy's last answer has arrived the child's CPU time is read from /proc (Linux). The
 *    first copy includes start-up (module loading, model load, JIT warm-up); steady state is copies 2..N.
 *
 * Rates are tokens per CPU second of the measured process (user + system, all its threads): what one core
 * delivers, and robust to other load on a shared machine, which inflates wall time. Wall figures are printed
 * beside them for reference.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contractAnswer } from '../../bin/cli/tag-command';
import { createDateTagger } from '../../lambdas/core/dates';
import { createEntityTagger } from '../../lambdas/core/entities';
import { tagText } from '../../lambdas/core/tagging/tag-text';
import { readConll } from './conll';

const ROOT = resolve(__dirname, '../..');
const PUBLISHED = '1996-08-30';

function rate(tokens: number, seconds: number): string {
  return `${Math.round(tokens / seconds).toLocaleString('en-US')} tokens/s`;
}

/** The CLI's per-document work, in this process. */
function inProcess(texts: readonly string[], tokens: number, seconds: number): void {
  const entities = createEntityTagger((p) => readFileSync(join(ROOT, 'models', p)));
  const taggers = { entities, dates: createDateTagger() };
  const work = (text: string): string => {
    return contractAnswer('x', tagText(text, PUBLISHED, taggers));
  };
  for (const t of texts) work(t);
  const passes: number[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < seconds * 1000) {
    const c0 = process.cpuUsage();
    for (const t of texts) work(t);
    const c = process.cpuUsage(c0);
    passes.push((c.user + c.system) / 1e6);
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const sorted = [...passes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  console.log(`in process, tagText + JSON line, ${passes.length} passes after a warm-up pass:`);
  console.log(
    `  all passes:    ${rate(tokens * passes.length, cpuSeconds)} per CPU second (${cpuSeconds.toFixed(2)} CPU s)`,
  );
  console.log(`  median pass:   ${rate(tokens, median)} per CPU second`);
  console.log(`  wall:          ${rate(tokens * passes.length, wall)} (${wall.toFixed(2)} s)`);
}

/** User + system CPU seconds of a process so far, from /proc/PID/stat. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

async function cli(input: string, docs: number, tokens: number, copies: number): Promise<void> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', join(ROOT, 'bin/newsflow.ts'), 'tag', '--jsonl'],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const pid = child.pid as number;
  let lines = 0;
  let waiting: { target: number; done: () => void } | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (waiting !== undefined && lines >= waiting.target) {
      const { done } = waiting;
      waiting = undefined;
      done();
    }
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const marks: { cpu: number; wall: number }[] = [];
  for (let k = 1; k <= copies; k++) {
    const answered = new Promise<void>((done) => {
      waiting = { target: k * docs, done };
    });
    if (!child.stdin.write(input)) await new Promise((done) => child.stdin.once('drain', done));
    await answered;
    marks.push({ cpu: cpuSecondsOf(pid), wall: (performance.now() - started) / 1000 });
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`tag --jsonl exited with ${code}`);
  const first = marks[0] as { cpu: number; wall: number };
  const last = marks[marks.length - 1] as { cpu: number; wall: number };
  console.log(`CLI tag --jsonl (pid ${pid}), corpus fed ${copies} times, ${lines} answers:`);
  console.log(
    `  first copy (start-up, model load, warm-up): ${first.cpu.toFixed(2)} CPU s, ${first.wall.toFixed(2)} s wall`,
  );
  if (copies > 1) {
    const cpu = last.cpu - first.cpu;
    const wall = last.wall - first.wall;
    const n = tokens * (copies - 1);
    console.log(
      `  steady state (copies 2..${copies}, ${n.toLocaleString('en-US')} tokens): ${rate(n, cpu)} per CPU second (${cpu.toFixed(2)} CPU s); wall ${rate(n, wall)} (${wall.toFixed(2)} s)`,
    );
    for (let k = 1; k < marks.length; k++) {
      const a = marks[k - 1] as { cpu: number };
      const b = marks[k] as { cpu: number };
      console.log(`    copy ${k + 1}: ${rate(tokens, b.cpu - a.cpu)} per CPU second`);
    }
  }
  console.log(`  whole run incl. start-up: ${rate(tokens * copies, last.cpu)} per CPU second`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      copies: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '20' },
      'skip-cli': { type: 'boolean', default: false },
      'skip-in-process': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const file = positionals[0] ?? resolve(ROOT, '../shared/data/conll2003/eng.train');
  const docs = readConll(file);
  const tokens = docs.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.length, 0), 0);
  console.log(`corpus: ${file}, ${docs.length} documents, ${tokens.toLocaleString('en-US')} tokens`);
  console.log(
    'rates are per CPU second of the measured process (one core); wall time is shown for reference\n',
  );
  if (!values['skip-in-process'])
    inProcess(
      docs.map((d) => d.text),
      tokens,
      Number(values.seconds),
    );
  if (!values['skip-cli']) {
    const input = docs
      .map((d) => `${JSON.stringify({ id: d.id, text: d.text, published: PUBLISHED })}\n`)
      .join('');
    await cli(input, docs.length, tokens, Number(values.copies));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
