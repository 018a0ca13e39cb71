/**
 * What a record's reference date is worth when the article gives no publication date, on TimeML files whose
 * DCT is hidden from the tagger (TempEval-3 value F1, all types):
 *   npx tsx scripts/dates/reference-eval.ts DIR [--upload YYYY-MM-DD]
 * Rows: the true DCT (the ceiling); the upload day (an archive uploaded on --upload, default 2026-12-03);
 * the latest written-out day in the body, else the upload day; and the same two for a fresh upload (upload day =
 * DCT), where the body rule can only lose. The pipeline keeps the upload day (see lambdas/core/dates/README.md).
 */
import { parseArgs } from 'node:util';
import { createDateTagger } from '../../lambdas/core/dates';
import type { DateSpan } from '../../lambdas/core/dates/types';
import { TimexCounts } from './scoring';
import { loadTimemlDirectory } from './timeml';

function main(): void {
  const { values, positionals } = parseArgs({
    options: { upload: { type: 'string', default: '2026-12-03' } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (dir === undefined) {
    process.stderr.write('usage: npx tsx scripts/dates/reference-eval.ts DIR [--upload YYYY-MM-DD]\n');
    process.exitCode = 2;
    return;
  }
  const tagger = createDateTagger();
  const rows = {
    'publication date (ceiling)': new TimexCounts(),
    'archive: upload day': new TimexCounts(),
    'archive: body, else upload': new TimexCounts(),
    'fresh: upload day = publication': new TimexCounts(),
    'fresh: body, else upload': new TimexCounts(),
  };
  let fromBody = 0;
  const docs = loadTimemlDirectory(dir);
  for (const doc of docs) {
    if (doc.published === undefined) continue;
    const tagWith = (referenceDate: string) => tagger.tag(doc.text, { referenceDate });
    const bodyOr = (upload: string) => latestWrittenDay(tagWith(upload), upload) ?? upload;
    const archiveBody = bodyOr(values.upload);
    if (archiveBody !== values.upload) fromBody++;
    rows['publication date (ceiling)'].add(doc.gold, tagWith(doc.published));
    rows['archive: upload day'].add(doc.gold, tagWith(values.upload));
    rows['archive: body, else upload'].add(doc.gold, tagWith(archiveBody));
    rows['fresh: upload day = publication'].add(doc.gold, tagWith(doc.published));
    rows['fresh: body, else upload'].add(doc.gold, tagWith(bodyOr(doc.published)));
  }
  process.stdout.write(`${docs.length} docs; a written-out day found in ${fromBody}\n`);
  for (const [label, counts] of Object.entries(rows)) {
    const f = counts.figures();
    process.stdout.write(`${label.padEnd(34)} value F1 ${f.value.f1.toFixed(2)}\n`);
  }
}

const DAY = /^(\d{4})-\d{2}-\d{2}/;

/**
 * The latest day the text writes out with its year ("March 3, 2024", "3/31/24") that is not after the upload
 * day: the body's best evidence of when it was written.
 */
function latestWrittenDay(spans: readonly DateSpan[], notAfter: string): string | undefined {
  let latest: string | undefined;
  for (const span of spans) {
    const m = DAY.exec(span.value);
    const writesYear =
      span.rule === 'numeric-date' || span.rule === 'iso-timestamp' || span.text.includes(m?.[1] ?? '#');
    if (m === null || !writesYear) continue;
    const day = span.value.slice(0, 10);
    if (day <= notAfter && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

main();
