/**
 * Child process of the worst-case measurement (a process of its own, so its peak is this work's alone):
 *
 *   node --import tsx scripts/bench/worst-case-child.ts SHAPE BYTES
 *
 * Builds a pathological text of the shape (`shapes.ts`) and size, then runs the two stages' core work on it
 * as the Lambdas do: clean it into a processed document, tag it and build the record and its table items.
 * Prints one JSON line: CPU and wall milliseconds per stage, peak RSS after loading and at the end, counts.
 */

import { toTableItems } from '../../lambdas/adapters/article-table';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { buildRecord } from '../../lambdas/core/record/build-record';
import { createProcessedDocument } from '../../lambdas/core/record/processed-document';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import { shapedText, TEXT_SHAPES, type TextShape } from './shapes';

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function main(): void {
  const [shape, size] = process.argv.slice(2);
  if (!TEXT_SHAPES.includes(shape as TextShape) || !/^\d+$/.test(size ?? '')) {
    throw new Error(`usage: worst-case-child.ts ${TEXT_SHAPES.join('|')} BYTES`);
  }
  const bytes = Buffer.from(shapedText(shape as TextShape, Number(size)));
  const taggers = loadTaggers();
  const loadedRssKb = process.resourceUsage().maxRSS;
  const source = {
    bucket: 'raw',
    key: `raw/${shape}.txt`,
    eTag: 'etag',
    size: bytes.length,
    sequencer: '0',
    eventTime: '2026-12-01T00:00:00.000Z',
  };
  let cpu = process.cpuUsage();
  let wall = performance.now();
  const doc = createProcessedDocument({ bytes, key: source.key, contentType: 'text/plain' }, source, {
    cleanedAt: source.eventTime,
  });
  const clean = { cpuMs: cpuMs(cpu), wallMs: performance.now() - wall };
  cpu = process.cpuUsage();
  wall = performance.now();
  const record = buildRecord(doc, {
    taggers,
    ingestedAt: source.eventTime,
    textRef: { bucket: 'processed', key: processedKeyFor(doc.articleId) },
  });
  const items = toTableItems(record);
  const tag = { cpuMs: cpuMs(cpu), wallMs: performance.now() - wall };
  process.stdout.write(
    `${JSON.stringify({
      shape,
      bytes: bytes.length,
      status: record.status,
      clean,
      tag,
      loadedRssKb,
      peakRssKb: process.resourceUsage().maxRSS,
      entities: record.entitySummary.length,
      items: items.length,
      truncated: record.truncated === true,
    })}\n`,
  );
}

main();
