/**
 * Child process of the memory measurement (a process of its own, so its peak is the tagging's alone):
 *
 *   node --import tsx scripts/bench/rss-child.ts TEXT_FILE REFERENCE_DAY
 *
 * Loads the taggers as the tag function does, tags the text once with `tagText` (entities, dates, offsets) and
 * prints one JSON line: peak RSS (`process.resourceUsage().maxRSS`) after loading and after tagging, and times.
 */
import { readFileSync } from 'node:fs';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { tagText } from '../../lambdas/core/tagging/tag-text';

function main(): void {
  const [file, referenceDate] = process.argv.slice(2);
  if (!file || !referenceDate) throw new Error('usage: rss-child.ts TEXT_FILE REFERENCE_DAY');
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const taggers = loadTaggers();
  const loadMs = performance.now() - t0;
  const loadedRssKb = process.resourceUsage().maxRSS;
  const t1 = performance.now();
  const tagged = tagText(text, referenceDate, taggers);
  const tagMs = performance.now() - t1;
  process.stdout.write(
    `${JSON.stringify({
      bytes: Buffer.byteLength(text),
      loadMs,
      tagMs,
      loadedRssKb,
      peakRssKb: process.resourceUsage().maxRSS,
      entities: tagged.entities.length,
      dates: tagged.dates.length,
    })}\n`,
  );
}

main();
