/**
 * Reads the committed word representations (`npm run build:lexicon` writes them) into the table compiled
 * into the entity model: cluster paths of both trees, and capitalisation and frequency in news as buckets.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hashString } from '../../lambdas/core/entities/hash';
import { CLUSTER_BRANCH_BITS, packWord, WordTable } from '../../lambdas/core/entities/word-table';

/** Where `build-lexicon.ts` writes its output. */
export const WORD_REPRESENTATIONS = resolve(__dirname, '../../resources/ner/word-representations.tsv.gz');

/** `a.b.c.d` → the packed path (`CLUSTER_BRANCH_BITS` per level, the first level highest). */
function packPath(path: string): number | undefined {
  if (path === '-') return undefined;
  return path.split('.').reduce((acc, part) => (acc << CLUSTER_BRANCH_BITS) | Number(part), 0);
}

/**
 * Mid-sentence capitalisation, bucketed 1..7 (0: never seen mid-sentence). The edges separate words news
 * never capitalises, sometimes does (sentence-like titles, "House"), and always does (names).
 */
export function capsBucket(percent: number): number {
  if (percent < 0) return 0;
  const edges = [1, 10, 40, 70, 90, 99];
  let b = 1;
  for (const e of edges) if (percent >= e) b++;
  return b;
}

/** Occurrences in the 32M words, in half-decades: 5 → 1, 100 → 4, 3,162 and more → 7. */
export function frequencyBucket(count: number): number {
  if (count <= 0) return 0;
  return Math.min(7, Math.floor(Math.log10(count) * 2));
}

/** Loads the table from `path` (a gzipped `word \t newsPath \t glovePath \t capsPercent \t count` file). */
export function loadWordTable(path = WORD_REPRESENTATIONS): WordTable {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const hashes: number[] = [];
  const values: number[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    const [word, news, glove, caps, count] = line.split('\t') as [string, string, string, string, string];
    const value = packWord({
      news: packPath(news),
      glove: packPath(glove),
      caps: capsBucket(Number(caps)),
      frequency: frequencyBucket(Number(count)),
    });
    if (value === 0) continue;
    hashes.push(hashString(word));
    values.push(value);
  }
  return WordTable.build(Uint32Array.from(hashes), Uint32Array.from(values));
}
