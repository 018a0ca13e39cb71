/**
 * Reads the committed word representations (`npm run build:lexicon` writes them) into the table compiled
 * into the entity model: the cluster path its features read, capitalisation in news, and company and place
 * contexts in news and the share after a title of office, as buckets.
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

/** The bucket 1..7 of a value among six ascending edges (0: a negative value, too rare to say). */
function bucketOf(value: number, edges: readonly number[]): number {
  if (value < 0) return 0;
  let b = 1;
  for (const e of edges) if (value >= e) b++;
  return b;
}

/**
 * Mid-sentence capitalisation, bucketed 1..7 (0: never seen mid-sentence). The edges separate words news
 * never capitalises, sometimes does (sentence-like titles, "House"), and always does (names).
 */
export function capsBucket(percent: number): number {
  return bucketOf(percent, [1, 10, 40, 70, 90, 99]);
}

/**
 * Share of a word's capitalised uses right after a preposition of place, bucketed 1..7 (0: too rare to say).
 * The edges follow eng.train's gold names: half of its PER and MISC tokens are under 1.5%, three quarters of
 * its LOC tokens above 10%, and companies news names sit between ("uber" 6%, "google" 10%).
 */
export function placeBucket(percent: number): number {
  return bucketOf(percent, [1, 3, 6, 10, 16, 25]);
}

/**
 * Share of a word's capitalised uses next to company words, in tenths of a percent, bucketed 1..7 (0: too rare
 * to say). eng.train's PER and LOC names are at 0 nine times in ten; companies news names are at 1 to 10%
 * ("uber" 3.1%, "huawei" 10.1%, "disney" 2.8%, "twitter" 0.5%; "kremlin" 3.3%, for its spokesmen).
 */
export function companyBucket(permille: number): number {
  return bucketOf(permille, [1, 3, 6, 10, 20, 40]);
}

/**
 * Share of a word's capitalised uses right after a title of office or an honorific, in percent, bucketed 1..7
 * (0: too rare to say). The top bucket (40%+) is where eng.train's multi-word names stop being anything but
 * people (the person-context rule reads it; entities README): "xi" 52%, "ursula" 47%, "narendra" 77%, "trump"
 * 12%, "china" and "uber" 0%.
 */
export function personBucket(percent: number): number {
  return bucketOf(percent, [1, 5, 10, 20, 30, 40]);
}

/**
 * Loads the table from `path` (a gzipped
 * `word \t newsPath \t glovePath \t capsPercent \t count \t placePercent \t companyPermille \t titlePercent`
 * file; the count is not used), with the three context columns' buckets.
 */
export function loadWordTable(path = WORD_REPRESENTATIONS): WordTable {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const hashes: number[] = [];
  const values: number[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    const [word, news, glove, caps, , place = '-1', company = '-1', title = '-1'] = line.split('\t') as [
      string,
      string,
      string,
      string,
    ];
    const value = packWord({
      news: packPath(news),
      glove: packPath(glove),
      caps: capsBucket(Number(caps)),
      company: companyBucket(Number(company)),
      place: placeBucket(Number(place)),
      person: personBucket(Number(title)),
    });
    if (value === 0) continue;
    hashes.push(hashString(word));
    values.push(value);
  }
  return WordTable.build(Uint32Array.from(hashes), Uint32Array.from(values));
}
