/**
 * Benchmarks the cleaner — a script, not a timed test: plain-text throughput per core (CPU time of this
 * single-threaded process, so other load on the machine does not count against it; wall time is shown too)
 * and the latency of cleaning a typical news page.
 *
 *   npx tsx scripts/clean/bench.ts [--seconds 6] [--trials 6] [--pages 100]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanArticle } from '../../lambdas/core/clean/clean-article';
import { identifyLanguage, languageSample } from '../../lambdas/core/clean/metadata/language';
import type { RawArticle } from '../../lambdas/core/clean/types';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'clean');

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** The plain-text corpus: the seed and every text fixture (several encodings, scraper junk, wire styles). */
export function textCorpus(): RawArticle[] {
  const files = [join(ROOT, 'samples', 'seed-korea-2019-12-20.txt')];
  for (const name of readdirSync(FIXTURES).sort())
    if (name.endsWith('.txt')) files.push(join(FIXTURES, name));
  return files.map((path) => ({ bytes: readFileSync(path), key: path }));
}

function repeat(unit: string, times: number): string {
  return Array.from({ length: times }, (_, i) => unit.replaceAll('{i}', String(i))).join('\n');
}

/**
 * A typical news page: the article fixture inside the weight real pages carry — inline scripts and styles
 * (~150 KB), a mega-menu, a link-heavy footer, related-story rails and a comment thread.
 */
export function typicalPage(): string {
  const page = readFileSync(join(FIXTURES, 'article-page.html'), 'utf8');
  const script = `<script>${repeat('window.__APP_STATE__.modules[{i}] = {"id":{i},"type":"teaser","url":"/news/story-{i}","headline":"Story number {i} in the feed","tracking":{"slot":"rail-{i}","campaign":"evergreen"}};', 900)}</script>`;
  const style = `<style>${repeat('.c-{i} { margin: 0 {i}px; padding: 2px; color: #333; } .c-{i}:hover { color: #000; }', 400)}</style>`;
  const menu = `<nav class="mega-menu"><ul>${repeat('<li><a href="/section/{i}">Section {i}</a></li>', 300)}</ul></nav>`;
  const rail = `<aside class="related-rail">${repeat('<div class="teaser"><a href="/story/{i}"><img src="/i/{i}.jpg" alt=""><h3>Related headline number {i}</h3></a><p>Short teaser text for story {i}.</p></div>', 40)}</aside>`;
  const comments = `<section id="comments" class="comments">${repeat('<div class="comment"><p class="author">reader{i}</p><p>I think this is comment number {i} and it is not part of the article.</p></div>', 30)}</section>`;
  const footer = `<div class="footer-links">${repeat('<a href="/footer/{i}">Footer link {i}</a>', 150)}</div>`;
  return page
    .replace('</head>', `${style}\n${script}\n</head>`)
    .replace('<main id="main">', `${menu}\n<main id="main">`)
    .replace('</main>', `${rail}\n${comments}\n</main>\n${footer}`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

/**
 * Throughput over the corpus in several trials. The machine is shared, so the best trial is the figure for
 * the code itself and the median shows what contention costs.
 */
function benchText(seconds: number, trials: number): void {
  const corpus = textCorpus();
  for (const a of corpus) {
    const out = cleanArticle(a);
    if (out.status !== 'cleaned') throw new Error(`${a.key} was rejected: ${out.rejection.message}`);
  }
  const bytesPerRound = corpus.reduce((s, a) => s + a.bytes.length, 0);
  for (let i = 0; i < 50; i++) for (const a of corpus) cleanArticle(a);
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let t = 0; t < trials; t++) {
    let rounds = 0;
    const wall0 = performance.now();
    const cpu0 = cpuMicros();
    while (performance.now() - wall0 < (seconds * 1000) / trials) {
      for (const a of corpus) cleanArticle(a);
      rounds++;
    }
    const mb = (rounds * bytesPerRound) / 1e6;
    cpuRates.push(mb / ((cpuMicros() - cpu0) / 1e6));
    wallRates.push(mb / ((performance.now() - wall0) / 1000));
  }
  cpuRates.sort((a, b) => a - b);
  wallRates.sort((a, b) => a - b);
  const best = cpuRates.at(-1)!;
  console.log(
    `plain text: ${corpus.length} articles, ${(bytesPerRound / corpus.length / 1024).toFixed(1)} KiB mean, ${trials} trials over ${seconds} s`,
  );
  console.log(
    `  MB/s per core (CPU time): best ${best.toFixed(1)}  median ${percentile(cpuRates, 0.5).toFixed(1)}   wall: best ${wallRates.at(-1)!.toFixed(1)}  median ${percentile(wallRates, 0.5).toFixed(1)}`,
  );
  console.log(
    `  ${((bytesPerRound / corpus.length / 1e6 / best) * 1e6).toFixed(0)} µs CPU per article in the best trial`,
  );

  // The same sample the cleaner takes: prose paragraphs only (no title, no subheads).
  const samples = corpus.flatMap((a) => {
    const out = cleanArticle(a);
    if (out.status !== 'cleaned') return [];
    const { text, title, headings } = out.article;
    const prose = text.split('\n\n').filter((p) => p !== title && !headings.some((h) => h.text === p));
    return [languageSample(prose)];
  });
  const reps = 200;
  const l0 = cpuMicros();
  for (let r = 0; r < reps; r++) for (const s of samples) identifyLanguage(s);
  console.log(
    `  of which language identification: ${((cpuMicros() - l0) / (reps * samples.length)).toFixed(0)} µs CPU per article`,
  );
}

function benchHtml(iterations: number): void {
  const html = typicalPage();
  const raw: RawArticle = {
    bytes: Buffer.from(html, 'utf8'),
    key: 'page.html',
    contentType: 'text/html; charset=utf-8',
  };
  const check = cleanArticle(raw);
  if (check.status !== 'cleaned') throw new Error(`typical page was rejected: ${check.rejection.message}`);
  for (let i = 0; i < 20; i++) cleanArticle(raw);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const w0 = performance.now();
    const c0 = cpuMicros();
    cleanArticle(raw);
    cpu.push((cpuMicros() - c0) / 1000);
    wall.push(performance.now() - w0);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `HTML page: ${(raw.bytes.length / 1024).toFixed(0)} KiB, ${html.match(/<[a-z]/gi)?.length ?? 0} tags, ${check.article.wordCount} words kept, ${iterations} runs`,
  );
  console.log(
    `  wall ms: mean ${mean(wall).toFixed(1)}  p50 ${percentile(wall, 0.5).toFixed(1)}  p95 ${percentile(wall, 0.95).toFixed(1)}`,
  );
  console.log(
    `  CPU ms:  mean ${mean(cpu).toFixed(1)}  p50 ${percentile(cpu, 0.5).toFixed(1)}  p95 ${percentile(cpu, 0.95).toFixed(1)}`,
  );
}

// Run only as a script: scripts/bench imports the corpus and the page from here.
if (require.main === module) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '6' },
      trials: { type: 'string', default: '6' },
      pages: { type: 'string', default: '100' },
    },
  });
  benchText(Number(values.seconds), Number(values.trials));
  benchHtml(Number(values.pages));
}
