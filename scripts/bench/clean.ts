/**
 * Cleaner speed: plain-text throughput over the cleaner bench's own corpus (the seed and every text fixture) and
 * the time to clean the cleaner bench's typical news page (~230 KB of HTML with scripts, menus and rails).
 */
import { cleanArticle } from '../../lambdas/core/clean/clean-article';
import type { RawArticle } from '../../lambdas/core/clean/types';
import { textCorpus, typicalPage } from '../clean/bench';
import { cpuMs, type Item, median, type Plan, type Rate, rateOf, timedRun } from './stats';

/** Cleaner results. */
export interface CleanResults {
  /** Plain text, MB (10^6 bytes of input) per second. */
  readonly text: Rate;
  readonly textArticles: number;
  readonly page: {
    readonly kb: number;
    /** Median CPU milliseconds per page (one core). */
    readonly cpuMs: number;
    /** Median wall milliseconds per page. */
    readonly wallMs: number;
    readonly runs: number;
  };
}

/** Measures both; `pages` timed page cleans after a warm-up. */
export function measureClean(plan: Plan, pages: number): CleanResults {
  const corpus = textCorpus();
  const items: Item<RawArticle>[] = corpus.map((a) => ({ value: a, units: a.bytes.length / 1e6 }));
  const clean = (a: RawArticle): void => {
    if (cleanArticle(a).status !== 'cleaned') throw new Error(`${a.key} was rejected`);
  };
  for (const item of items) clean(item.value);
  timedRun(items, plan.warmupMs, 0, clean);
  const runs = Array.from({ length: plan.runs }, (_, r) => timedRun(items, plan.runMs, r * 3, clean));

  const html = typicalPage();
  const raw: RawArticle = {
    bytes: Buffer.from(html),
    key: 'page.html',
    contentType: 'text/html; charset=utf-8',
  };
  for (let i = 0; i < Math.max(5, pages / 5); i++) clean(raw);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < pages; i++) {
    const c0 = cpuMs();
    const w0 = performance.now();
    clean(raw);
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - w0);
  }
  return {
    text: rateOf(runs),
    textArticles: corpus.length,
    page: { kb: raw.bytes.length / 1024, cpuMs: median(cpu), wallMs: median(wall), runs: pages },
  };
}
