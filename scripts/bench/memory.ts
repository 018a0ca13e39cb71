/** Peak memory while tagging a 1 MB article, in a child process (`rss-child.ts`). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus } from './corpora';
import type { TextShape } from './shapes';

/** What the child reports. */
export interface MemoryResult {
  readonly bytes: number;
  /** Wall milliseconds of `loadTaggers()` (model decode and index, date tagger build). */
  readonly loadMs: number;
  /** Peak RSS once the models are loaded, before tagging. */
  readonly loadedRssMb: number;
  /** Peak RSS of the whole process, tagging included. */
  readonly peakRssMb: number;
  /** Wall milliseconds of the one `tagText` call. */
  readonly tagMs: number;
  readonly entities: number;
  readonly dates: number;
}

/** News text of at least `bytes` UTF-8 bytes: the corpus' documents in turn, as paragraphs of one article. */
export function articleOfSize(corpus: Corpus, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = corpus.docs[i % corpus.docs.length]!.text;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

/** Tags a ~1 MB article built from `corpus` in a fresh process and reports its peak RSS. */
export function measureMemory(corpus: Corpus, bytes = 1_000_000): MemoryResult {
  const dir = mkdtempSync(join(tmpdir(), 'newsflow-rss-'));
  try {
    const file = join(dir, 'article.txt');
    writeFileSync(file, articleOfSize(corpus, bytes));
    const reference = corpus.docs[0]?.referenceDate ?? '2000-01-01';
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'rss-child.ts'), file, reference],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (out.status !== 0) throw new Error(`memory child failed (${out.status}): ${out.stderr.slice(-2000)}`);
    const r = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as {
      bytes: number;
      loadMs: number;
      loadedRssKb: number;
      peakRssKb: number;
      tagMs: number;
      entities: number;
      dates: number;
    };
    return {
      bytes: r.bytes,
      loadMs: r.loadMs,
      loadedRssMb: r.loadedRssKb / 1024,
      peakRssMb: r.peakRssKb / 1024,
      tagMs: r.tagMs,
      entities: r.entities,
      dates: r.dates,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the worst-case child reports (see `worst-case-child.ts`). */
export interface WorstCaseResult {
  readonly shape: TextShape;
  readonly bytes: number;
  /** CPU milliseconds of the clean stage's core call, and of tagging plus building the record and items. */
  readonly cleanCpuMs: number;
  readonly tagCpuMs: number;
  /** Wall milliseconds of the same (on a loaded machine, wall exceeds CPU). */
  readonly cleanWallMs: number;
  readonly tagWallMs: number;
  /** Peak RSS once the models are loaded, and of the whole process (both stages in one process). */
  readonly loadedRssMb: number;
  readonly peakRssMb: number;
  /** Entities in the record's summary, table items written, and whether mention lists were dropped. */
  readonly entities: number;
  readonly items: number;
  readonly truncated: boolean;
}

/**
 * Runs both stages' core work on a pathological text of `bytes` (the object size limit) in a fresh process:
 * the row that shows a worst-case upload finishes within the function's timeout and memory.
 */
export function measureWorstCase(shape: TextShape, bytes: number): WorstCaseResult {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'worst-case-child.ts'), shape, String(bytes)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (out.status !== 0)
    throw new Error(`worst-case child failed (${out.status}): ${out.stderr.slice(-2000)}`);
  const r = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as {
    bytes: number;
    clean: { cpuMs: number; wallMs: number };
    tag: { cpuMs: number; wallMs: number };
    loadedRssKb: number;
    peakRssKb: number;
    entities: number;
    items: number;
    truncated: boolean;
  };
  return {
    shape,
    bytes: r.bytes,
    cleanCpuMs: r.clean.cpuMs,
    tagCpuMs: r.tag.cpuMs,
    cleanWallMs: r.clean.wallMs,
    tagWallMs: r.tag.wallMs,
    loadedRssMb: r.loadedRssKb / 1024,
    peakRssMb: r.peakRssKb / 1024,
    entities: r.entities,
    items: r.items,
    truncated: r.truncated,
  };
}
