/**
 * Builds the word representations the entity model learns to weigh, from unlabeled text newer than its
 * 1996 training news:
 *
 *   npm run build:lexicon [-- --out resources/ner/word-representations.tsv.gz] [--limit N]
 *
 * - **News clusters**: every frequent word of `../shared/data/unlabeled/allsides-news-2012-2020.txt.gz`
 *   (32M words of US news, 2012–2020) is described by the words seen just before and just after it (positive
 *   PMI with smoothed context counts), projected to 200 dimensions with a seeded Gaussian matrix, and placed in
 *   a four-level tree by spherical k-means (8 branches a level: 8, 64, 512, 4,096 clusters). A path such as
 *   `3.0.7.2` plays the part of a Brown-cluster bit string: its prefixes are coarser classes.
 * - **GloVe clusters**: the same tree over the 100-d GloVe vectors of `../shared/data/embeddings/`
 *   (Wikipedia 2014 + Gigaword newswire), a second view of the same words.
 * - **Capitalisation in news**: how often a word is capitalised away from the start of a sentence, and how
 *   often it occurs. "tiktok" is capitalised in every mid-sentence use; "will" in few.
 * - **Company and place contexts in news**: of a word's capitalised mid-sentence uses (at least 5), the share
 *   next to a company word ("Uber's chief executive", "shares", "Inc.", "the startup Stripe"), in tenths of a
 *   percent, and the share right after a preposition of place ("in Chicago", "from the Netherlands"), in
 *   percent: "huawei" 10.1% and "uber" 3.1% against "chicago" 0.0%; "chicago" 34% and "china" 16% against
 *   "uber" 6% and "sanders" 1%. The news clusters, built from all neighbouring words, do not separate these:
 *   they file "google" with "china". The model's word table holds both; its features read the company share
 *   and the company-context rule both (see the entities README).
 * - **Person contexts in news**: of the same uses, the share right after a title of office or an honorific
 *   ("President Xi", "Mr. Trump", "Prime Minister Narendra Modi"; the titled-person rule's list), in percent:
 *   "xi" and "ursula" are written after one in about half of their capitalised uses, companies and places
 *   almost never. The person-context rule reads it.
 *
 * Seeded and single-threaded: the same inputs give the same bytes. The output holds words and statistics,
 * never text: one line per word,
 * `word \t newsPath \t glovePath \t capitalisedPercent \t count \t placePercent \t companyPermille \t
 * titlePercent`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { TITLE_WORDS } from '../../lambdas/core/entities/refiners/titled-person';
import { normalizeWord } from '../../lambdas/core/entities/word-shape';
import { tokenize } from '../../lambdas/core/text/tokenize';
import { seededRandom } from './seeded-random';

const DATA = resolve(__dirname, '../../../shared/data');
const SEED = 20121231;
/** Words clustered from the news: the most frequent ones with at least MIN_CLUSTER_COUNT occurrences. */
const MAX_CLUSTER_WORDS = 100_000;
const MIN_CLUSTER_COUNT = 5;
/** Words whose capitalisation is reported: rarer ones say too little. */
const MIN_STAT_COUNT = 5;
/** Context words (the most frequent), on each side. */
const CONTEXTS = 1_000;
const DIMENSIONS = 200;
const BRANCHES = 8;
const LEVELS = 4;
const ITERATIONS = 15;
/** Context-distribution smoothing of PMI (Levy, Goldberg & Dagan 2015). */
const CONTEXT_ALPHA = 0.75;

const t0 = performance.now();
function log(msg: string): void {
  process.stderr.write(`[lexicon ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Tokens after which a capital says nothing about the word: sentence and quotation openings. */
const OPENING = new Set([
  '.',
  '!',
  '?',
  ':',
  ';',
  '"',
  '\u201c',
  '\u2018',
  "'",
  '(',
  '[',
  '-',
  '--',
  '\u2014',
  '\u2013',
  '...',
  '\u2026',
]);

/**
 * Prepositions after which news writes places ("in", "from", "near"…), alone or before "the". "at" and "to"
 * are left out: news writes "at Google" and "to Obama" as often as "at Chicago".
 */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'from',
  'near',
  'across',
  'outside',
  'throughout',
  'inside',
  'into',
  'toward',
  'towards',
]);

/**
 * Words that follow a company's name ("Uber's chief executive", "Apple Inc.", "shares") or come right before
 * it ("the startup Stripe"), and rarely a person's or a place's. Kept to words news does not also write after
 * nationalities ("Italian workers").
 */
const COMPANY_AFTER = new Set([
  'ceo',
  'chief',
  'shares',
  'stock',
  'founder',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'co.',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'app',
  'platform',
  'subscribers',
]);
const COMPANY_BEFORE = new Set([
  'company',
  'firm',
  'startup',
  'giant',
  'rival',
  'retailer',
  'maker',
  'carmaker',
  'automaker',
]);

/** Titles written right before a name, in the case news writes them there ("President", "Mr."). */
const TITLES: ReadonlySet<string> = new Set(TITLE_WORDS);

interface Corpus {
  /** Word ids in text order; -1 separates lines. */
  readonly stream: Int32Array;
  readonly words: string[];
  readonly counts: number[];
  readonly midSentence: number[];
  readonly capitalized: number[];
  /** Capitalised mid-sentence uses right after a place preposition (or one and "the"). */
  readonly placed: number[];
  /** Capitalised mid-sentence uses next to a company word (see COMPANY_AFTER, COMPANY_BEFORE). */
  readonly company: number[];
  /** Capitalised mid-sentence uses right after a title of office or an honorific (see TITLES). */
  readonly titled: number[];
}

function isCapitalized(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Reads the unlabeled news line by line, tokenized as the tagger tokenizes, words normalized as it does. */
function readCorpus(limit: number): Corpus {
  const text = execFileSync('gzip', ['-dc', `${DATA}/unlabeled/allsides-news-2012-2020.txt.gz`], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const midSentence: number[] = [];
  const capitalized: number[] = [];
  const placed: number[] = [];
  const company: number[] = [];
  const titled: number[] = [];
  let stream = new Int32Array(1 << 24);
  let n = 0;
  const push = (v: number): void => {
    if (n === stream.length) {
      const next = new Int32Array(stream.length * 2);
      next.set(stream);
      stream = next;
    }
    stream[n++] = v;
  };
  let lines = 0;
  let start = 0;
  while (start < text.length && n < limit) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    // Article headers (`# date outlet`) are metadata, not text.
    if (line.startsWith('# ') || line.length === 0) continue;
    let prev = '';
    let before = '';
    const tokens = tokenize(line);
    for (let t = 0; t < tokens.length; t++) {
      const w = (tokens[t] as { text: string }).text;
      const norm = normalizeWord(w);
      let id = ids.get(norm);
      if (id === undefined) {
        id = words.length;
        ids.set(norm, id);
        words.push(norm);
        counts.push(0);
        midSentence.push(0);
        capitalized.push(0);
        placed.push(0);
        company.push(0);
        titled.push(0);
      }
      counts[id] = (counts[id] as number) + 1;
      if (prev !== '' && !OPENING.has(prev)) {
        midSentence[id] = (midSentence[id] as number) + 1;
        if (isCapitalized(w)) {
          capitalized[id] = (capitalized[id] as number) + 1;
          const p = prev.toLowerCase();
          if (PLACE_PREPOSITIONS.has(p) || (p === 'the' && PLACE_PREPOSITIONS.has(before.toLowerCase())))
            placed[id] = (placed[id] as number) + 1;
          // The word after the name, past a possessive.
          let k = t + 1;
          if (tokens[k]?.text === "'s") k++;
          const after = tokens[k]?.text.toLowerCase() ?? '';
          if (COMPANY_AFTER.has(after) || COMPANY_BEFORE.has(p)) company[id] = (company[id] as number) + 1;
          if (TITLES.has(prev)) titled[id] = (titled[id] as number) + 1;
        }
      }
      push(id);
      before = prev;
      prev = w;
    }
    push(-1);
    if (++lines % 200_000 === 0) log(`${lines} lines, ${n} tokens`);
  }
  log(`${lines} lines, ${n} positions, ${words.length} distinct words`);
  return { stream: stream.subarray(0, n), words, counts, midSentence, capitalized, placed, company, titled };
}

/** Ids sorted by decreasing count, ties by word (deterministic). */
function byFrequency(corpus: Corpus): number[] {
  return corpus.words
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (corpus.counts[b] as number) - (corpus.counts[a] as number) ||
        (corpus.words[a] as string).localeCompare(corpus.words[b] as string),
    );
}

/**
 * One unit vector per clustered word: PPMI of left and right neighbour counts, randomly projected.
 * Returns `rows × DIMENSIONS` floats.
 */
function newsVectors(
  offsets: readonly number[],
  corpus: Corpus,
  clustered: readonly number[],
  contexts: readonly number[],
): Float32Array {
  const V = clustered.length;
  const C = contexts.length;
  const row = new Int32Array(corpus.words.length).fill(-1);
  clustered.forEach((id, r) => {
    row[id] = r;
  });
  const col = new Int32Array(corpus.words.length).fill(-1);
  contexts.forEach((id, c) => {
    col[id] = c;
  });
  const B = offsets.length * C;
  const counts = new Float32Array(V * B);
  const { stream } = corpus;
  for (let i = 0; i < stream.length; i++) {
    const w = stream[i] as number;
    if (w < 0) continue;
    const r = row[w] as number;
    if (r < 0) continue;
    offsets.forEach((o, block) => {
      // Contexts stay within the line (-1 separates lines): stop at the first separator on the way.
      const step = o < 0 ? -1 : 1;
      for (let j = i + step; ; j += step) {
        if (j < 0 || j >= stream.length || (stream[j] as number) < 0) return;
        if (j === i + o) break;
      }
      const c = col[stream[i + o] as number] as number;
      if (c >= 0) counts[r * B + block * C + c] = (counts[r * B + block * C + c] as number) + 1;
    });
  }
  log('context counts done');
  const colSum = new Float64Array(B);
  const rowSum = new Float64Array(V);
  for (let r = 0; r < V; r++) {
    for (let c = 0; c < B; c++) {
      const x = counts[r * B + c] as number;
      rowSum[r] = (rowSum[r] as number) + x;
      colSum[c] = (colSum[c] as number) + x;
    }
  }
  const colSmoothed = Float64Array.from(colSum, (x) => x ** CONTEXT_ALPHA);
  const smoothedTotal = colSmoothed.reduce((a, b) => a + b, 0);
  const random = seededRandom(SEED);
  const projection = new Float32Array(B * DIMENSIONS);
  for (let i = 0; i < projection.length; i++) projection[i] = gaussian(random);
  const out = new Float32Array(V * DIMENSIONS);
  for (let r = 0; r < V; r++) {
    const total = rowSum[r] as number;
    if (total === 0) continue;
    for (let c = 0; c < B; c++) {
      const x = counts[r * B + c] as number;
      if (x === 0) continue;
      const pmi = Math.log(x / total / ((colSmoothed[c] as number) / smoothedTotal));
      if (pmi <= 0) continue;
      const base = c * DIMENSIONS;
      for (let d = 0; d < DIMENSIONS; d++)
        out[r * DIMENSIONS + d] =
          (out[r * DIMENSIONS + d] as number) + pmi * (projection[base + d] as number);
    }
  }
  normalizeRows(out, DIMENSIONS);
  log('PPMI vectors projected');
  return out;
}

function normalizeRows(m: Float32Array, dims: number): void {
  for (let r = 0; r < m.length / dims; r++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += (m[r * dims + d] as number) ** 2;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dims; d++) m[r * dims + d] = (m[r * dims + d] as number) * k;
  }
}

function dot(m: Float32Array, a: number, c: Float64Array, b: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += (m[a * dims + d] as number) * (c[b * dims + d] as number);
  return s;
}

/** Spherical k-means of `members` (rows of `m`), seeded k-means++ start; returns each member's cluster. */
function kmeans(
  m: Float32Array,
  dims: number,
  members: readonly number[],
  k: number,
  random: () => number,
): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const centers = new Float64Array(k * dims);
  const setCenter = (c: number, row: number): void => {
    for (let d = 0; d < dims; d++) centers[c * dims + d] = m[row * dims + d] as number;
  };
  setCenter(0, members[Math.floor(random() * n)] as number);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(m, members[i] as number, centers, c - 1, dims));
      if (dist < (best[i] as number)) best[i] = dist;
      total += best[i] as number;
    }
    let target = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= best[i] as number;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    setCenter(c, members[pick] as number);
  }
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let arg = 0;
      let top = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const s = dot(m, members[i] as number, centers, c, dims);
        if (s > top) {
          top = s;
          arg = c;
        }
      }
      if (assign[i] !== arg) moved++;
      assign[i] = arg;
    }
    centers.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      const row = members[i] as number;
      for (let d = 0; d < dims; d++)
        centers[c * dims + d] = (centers[c * dims + d] as number) + (m[row * dims + d] as number);
    }
    for (let c = 0; c < k; c++) {
      // An empty cluster restarts at a random member, so the tree keeps its branching.
      if (sizes[c] === 0) setCenter(c, members[Math.floor(random() * n)] as number);
      let s = 0;
      for (let d = 0; d < dims; d++) s += (centers[c * dims + d] as number) ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let d = 0; d < dims; d++) centers[c * dims + d] = (centers[c * dims + d] as number) * inv;
    }
    if (moved === 0) break;
  }
  return assign;
}

/** A path `a.b.c.d` per row: k-means with BRANCHES clusters, then again inside each cluster, LEVELS deep. */
function clusterTree(m: Float32Array, dims: number, rows: number, seed: number): string[] {
  const random = seededRandom(seed);
  const paths: string[][] = Array.from({ length: rows }, () => []);
  let groups: number[][] = [Array.from({ length: rows }, (_, i) => i)];
  for (let level = 0; level < LEVELS; level++) {
    const next: number[][] = [];
    for (const members of groups) {
      const assign = kmeans(m, dims, members, BRANCHES, random);
      const children: number[][] = Array.from({ length: BRANCHES }, () => []);
      members.forEach((row, i) => {
        const c = assign[i] as number;
        (children[c] as number[]).push(row);
        (paths[row] as string[]).push(String(c));
      });
      for (const child of children) if (child.length > 0) next.push(child);
    }
    groups = next;
    log(`level ${level + 1}: ${groups.length} clusters`);
  }
  return paths.map((p) => p.join('.'));
}

function readGlove(): { words: string[]; vectors: Float32Array; dims: number } {
  const text = execFileSync('gzip', ['-dc', `${DATA}/embeddings/glove-6b-100d-top50k.txt.gz`], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const words: string[] = [];
  const values: number[] = [];
  let dims = 0;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const parts = line.split(' ');
    dims = parts.length - 1;
    words.push(normalizeWord(parts[0] as string));
    for (let d = 1; d <= dims; d++) values.push(Number(parts[d]));
  }
  const vectors = Float32Array.from(values);
  normalizeRows(vectors, dims);
  return { words, vectors, dims };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(__dirname, '../../resources/ner/word-representations.tsv.gz') },
      limit: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
      /** Context words on each side: 1 (the words just before and after) or 2. */
      window: { type: 'string', default: '1' },
    },
  });
  const corpus = readCorpus(Number(values.limit));
  const order = byFrequency(corpus);
  const contexts = order.slice(0, CONTEXTS);
  const clustered = order
    .filter((id) => (corpus.counts[id] as number) >= MIN_CLUSTER_COUNT)
    .slice(0, MAX_CLUSTER_WORDS);
  log(`${clustered.length} words to cluster`);
  const window = Number(values.window);
  const offsets = window === 1 ? [-1, 1] : [-2, -1, 1, 2];
  const vectors = newsVectors(offsets, corpus, clustered, contexts);
  const newsPaths = clusterTree(vectors, DIMENSIONS, clustered.length, SEED + 1);
  const newsPath = new Map<string, string>();
  clustered.forEach((id, r) => {
    newsPath.set(corpus.words[id] as string, newsPaths[r] as string);
  });
  const glove = readGlove();
  log(`GloVe: ${glove.words.length} words`);
  const glovePaths = clusterTree(glove.vectors, glove.dims, glove.words.length, SEED + 2);
  const glovePath = new Map<string, string>();
  glove.words.forEach((w, r) => {
    if (!glovePath.has(w)) glovePath.set(w, glovePaths[r] as string);
  });
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const word = corpus.words[id] as string;
    const count = corpus.counts[id] as number;
    if (count < MIN_STAT_COUNT && !glovePath.has(word)) continue;
    // Tabs and newlines never occur inside tokens; a word of only whitespace would break the format.
    if (/\s/.test(word) || word.length === 0) continue;
    const mid = corpus.midSentence[id] as number;
    const capPercent = mid === 0 ? -1 : Math.round((100 * (corpus.capitalized[id] as number)) / mid);
    const caps = corpus.capitalized[id] as number;
    const placePercent =
      caps < MIN_STAT_COUNT ? -1 : Math.round((100 * (corpus.placed[id] as number)) / caps);
    // Tenths of a percent: companies sit at 1-10%, everything else near 0.
    const companyPermille =
      caps < MIN_STAT_COUNT ? -1 : Math.round((1000 * (corpus.company[id] as number)) / caps);
    const titlePercent =
      caps < MIN_STAT_COUNT ? -1 : Math.round((100 * (corpus.titled[id] as number)) / caps);
    lines.push(
      `${word}\t${newsPath.get(word) ?? '-'}\t${glovePath.get(word) ?? '-'}\t${capPercent}\t${count}\t${placePercent}\t${companyPermille}\t${titlePercent}`,
    );
    seen.add(word);
  }
  for (const word of [...glovePath.keys()].sort()) {
    if (seen.has(word) || /\s/.test(word)) continue;
    lines.push(`${word}\t-\t${glovePath.get(word)}\t-1\t0\t-1\t-1\t-1`);
  }
  const out = values.out as string;
  mkdirSync(dirname(out), { recursive: true });
  const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${lines.length} words, ${(bytes.length / 1e6).toFixed(2)} MB`);
}

main();
