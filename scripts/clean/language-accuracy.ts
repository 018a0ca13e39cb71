/**
 * Measures tinyld on short texts: accuracy and CPU time per call at several sample lengths, on the
 * hand-written multilingual paragraphs in test/fixtures/clean/language-samples.json.
 *
 *   npx tsx scripts/clean/language-accuracy.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect } from 'tinyld';
import { isCertainlyEnglish } from '../../lambdas/core/clean/metadata/english-function-words';
import { identifyLanguage } from '../../lambdas/core/clean/metadata/language';

interface Sample {
  readonly lang: string;
  readonly text: string;
}

const FIXTURE = join(__dirname, '..', '..', 'test', 'fixtures', 'clean', 'language-samples.json');
const LENGTHS = [30, 60, 100, 150, 200, 300];
const REPEATS = 20;

/** A prefix of at most `n` characters, cut at a word boundary when the text has spaces. */
function prefix(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.lastIndexOf(' ', n);
  return text.slice(0, cut > n / 2 ? cut : n);
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function main(): void {
  const samples = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { samples: Sample[] }).samples;
  const languages = new Set(samples.map((s) => s.lang));
  console.log(`${samples.length} samples, ${languages.size} languages`);
  console.log('chars  accuracy  unset  µs/call (CPU)  errors');
  for (const n of LENGTHS) {
    const texts = samples.map((s) => prefix(s.text, n));
    for (const t of texts) detect(t);
    let correct = 0;
    let unset = 0;
    const errors: string[] = [];
    texts.forEach((t, i) => {
      const got = detect(t);
      const want = samples[i]!.lang;
      if (got === want) correct++;
      else if (got === '') unset++;
      else errors.push(`${want}→${got}`);
    });
    const start = cpuMicros();
    for (let r = 0; r < REPEATS; r++) for (const t of texts) detect(t);
    const perCall = (cpuMicros() - start) / (REPEATS * texts.length);
    console.log(
      `${String(n).padStart(5)}  ${((100 * correct) / samples.length).toFixed(1).padStart(7)}%  ${String(unset).padStart(5)}  ${perCall.toFixed(0).padStart(13)}  ${errors.join(' ')}`,
    );
  }
}

/** The cleaner's identifier (English shortcut, then tinyld): accuracy, shortcut use and false shortcuts. */
function pipeline(samples: readonly Sample[]): void {
  console.log('\nidentifyLanguage (shortcut + tinyld)');
  console.log('chars  accuracy  shortcut(en)  shortcut(other)  µs/call (CPU)');
  const english = samples.filter((s) => s.lang === 'en').length;
  for (const n of LENGTHS) {
    const texts = samples.map((s) => prefix(s.text, n));
    let correct = 0;
    let shortcutEn = 0;
    let shortcutOther = 0;
    texts.forEach((t, i) => {
      if (identifyLanguage(t) === samples[i]!.lang) correct++;
      if (isCertainlyEnglish(t)) {
        if (samples[i]!.lang === 'en') shortcutEn++;
        else shortcutOther++;
      }
    });
    const start = cpuMicros();
    for (let r = 0; r < REPEATS; r++) for (const t of texts) identifyLanguage(t);
    const perCall = (cpuMicros() - start) / (REPEATS * texts.length);
    console.log(
      `${String(n).padStart(5)}  ${((100 * correct) / samples.length).toFixed(1).padStart(7)}%  ${`${shortcutEn}/${english}`.padStart(12)}  ${String(shortcutOther).padStart(15)}  ${perCall.toFixed(0).padStart(13)}`,
    );
  }
}

const all = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { samples: Sample[] }).samples;
main();
pipeline(all);
