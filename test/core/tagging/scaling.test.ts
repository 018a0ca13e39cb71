/**
 * Every core stage in linear time and memory on pathological inputs: the shapes in `scripts/bench/shapes.ts`
 * (a run of capitalised words without sentence punctuation once took 5 s and 435 MB at 40 KB, 19 s and 1.4 GB
 * at 80 KB). Four times the input may cost at most six times the CPU (a quadratic stage costs sixteen times),
 * and twice the input at most three times the memory; medians of a few runs and CPU time keep the ratios
 * steady on a loaded machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toTableItems } from '../../../lambdas/adapters/article-table';
import { loadTaggers } from '../../../lambdas/adapters/load-taggers';
import { buildRecord } from '../../../lambdas/core/record/build-record';
import { createProcessedDocument } from '../../../lambdas/core/record/processed-document';
import { shapedText, TEXT_SHAPES, type TextShape } from '../../../scripts/bench/shapes';
import { sourceRef } from '../../helpers/fixtures';

const taggers = loadTaggers();

/** CPU milliseconds of the clean and tag stages' core work on one text: clean, tag, build the items. */
function coreCpuMs(text: string): number {
  const bytes = Buffer.from(text);
  const source = sourceRef({ size: bytes.length });
  const before = process.cpuUsage();
  const doc = createProcessedDocument({ bytes, key: source.key, contentType: 'text/plain' }, source, {
    cleanedAt: '2019-12-21T08:00:00.000Z',
  });
  const record = buildRecord(doc, {
    taggers,
    ingestedAt: '2019-12-21T09:00:00.000Z',
    textRef: { bucket: 'p', key: 'articles/x.json' },
  });
  toTableItems(record);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

describe('core stages scale linearly', () => {
  it.each(TEXT_SHAPES.map((s) => [s]))('%s: four times the text costs at most six times the CPU', (shape) => {
    // Prepare
    const small = shapedText(shape as TextShape, 10_000);
    const large = shapedText(shape as TextShape, 40_000);
    // Both sizes once before measuring: the first pass over new words fills the taggers' caches and JIT, which
    // made the first large run up to twice the others and the ratio swing past the bound on a loaded machine.
    coreCpuMs(small);
    coreCpuMs(large);
    const smallMs: number[] = [];
    const largeMs: number[] = [];

    // Act
    for (let run = 0; run < 5; run++) {
      smallMs.push(coreCpuMs(small));
      largeMs.push(coreCpuMs(large));
    }

    // Assess
    expect(median(largeMs) / Math.max(median(smallMs), 5)).toBeLessThanOrEqual(6);
  });
});

/** Peak RSS growth of tagging a text in a fresh process (`scripts/bench/rss-child.ts`), in MB. */
function taggingRssMb(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../../scripts/bench/rss-child.ts'), file, '2019-12-21'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`rss-child exited ${code}: ${err.slice(-2000)}`));
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        loadedRssKb: number;
        peakRssKb: number;
      };
      resolve((r.peakRssKb - r.loadedRssKb) / 1024);
    });
  });
}

describe('tagging memory scales linearly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-scaling-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['capitalised-names'], ['distinct-capitalised']])(
    '%s: twice the text takes at most three times the extra memory',
    async (shape) => {
      // Prepare
      const files = [40_000, 80_000].map((bytes) => {
        const file = join(dir, `${shape}-${bytes}.txt`);
        writeFileSync(file, shapedText(shape as TextShape, bytes));
        return file;
      });

      // Act
      const [smallMb, largeMb] = await Promise.all(files.map(taggingRssMb));

      // Assess: growth below 32 MB is allocator noise, not a trend.
      expect(largeMb).toBeLessThanOrEqual(3 * Math.max(smallMb as number, 32));
    },
  );
});
