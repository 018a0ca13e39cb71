/**
 * Trains the entity model: an averaged structured perceptron over hashed features with BILOU labels.
 *
 *   npm run train:ner [-- --out models/ner/model.bin] [--epochs N]
 *
 * Seeded and single-threaded, so the same inputs give the same bytes. A tenth of the training documents is
 * held out first to pick the number of epochs (early stopping); the final model is then trained on all of
 * eng.train for that many epochs. eng.testa is never read here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFeatures, WordCache } from '../../lambdas/core/entities/features';
import { LABEL_COUNT, labelOf, labelsToSpans } from '../../lambdas/core/entities/labels';
import {
  EMPTY_LEXICON,
  type FeatureLexicon,
  type WordFeatureGroup,
} from '../../lambdas/core/entities/lexicon';
import {
  decodeModel,
  encodeModel,
  type ModelStage,
  type NerModel,
} from '../../lambdas/core/entities/model-format';
import {
  createPerceptronTagger,
  type PerceptronTaggerOptions,
  type PreparedText,
  prepareText,
} from '../../lambdas/core/entities/perceptron-tagger';
import { MENTION_VETOES } from '../../lambdas/core/entities/refiners';
import { type StackingWord, stackedFeatures } from '../../lambdas/core/entities/stacking';
import { constrainTransitions, type TransitionScores, viterbi } from '../../lambdas/core/entities/viterbi';
import { EMPTY_WORD_TABLE } from '../../lambdas/core/entities/word-table';
import { type ConllDocument, readConll } from './conll';
import { buildGazetteers } from './gazetteers';
import { NerScorer, type TypedSpan } from './score';
import { seededRandom } from './seeded-random';
import { loadWordTable, WORD_REPRESENTATIONS } from './word-representations';

const DATA = resolve(__dirname, '../../../shared/data');
const SEED = 20191220;
let MIN_FEATURE_COUNT = 2;
const MAX_EPOCHS = 25;
const PATIENCE = 4;
const FOLDS = 5;
/** Keys per token that identify the word itself (see `extractFeatures`: exact, then lower-cased word). */
const LEXICAL_KEYS = 2;
let WORD_DROPOUT = 0.2;

/** A training document with its features mapped to weight rows (for one stage). */
interface Example {
  readonly id: string;
  readonly prepared: PreparedText;
  readonly gold: Uint8Array;
  readonly keys: Uint32Array;
  readonly offsets: Int32Array;
  readonly words: readonly StackingWord[];
  rows?: Int32Array;
  /** Scores added before this stage's own (stage 1: stage 0's, from a model that never saw the document). */
  base?: Float32Array;
  /** Transition weights of the model that produced `base`; the stage's own are added to them. */
  baseTransitions?: Float64Array;
}

function log(msg: string): void {
  process.stderr.write(`[train ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}
const t0 = performance.now();

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Gold BILOU labels on the tokens our own tokenizer produces (they match CoNLL's tokens exactly). */
function goldLabels(doc: ConllDocument, prepared: PreparedText): Uint8Array {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  prepared.tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const labels = new Uint8Array(prepared.tokens.length);
  for (const e of doc.entities) {
    const a = byStart.get(e.start);
    const b = byEnd.get(e.end);
    if (a === undefined || b === undefined)
      throw new Error(`${doc.id}: entity ${e.start}-${e.end} off token edges`);
    if (a === b) labels[a] = labelOf(e.type, 'U');
    else {
      labels[a] = labelOf(e.type, 'B');
      for (let i = a + 1; i < b; i++) labels[i] = labelOf(e.type, 'I');
      labels[b] = labelOf(e.type, 'L');
    }
  }
  return labels;
}

let wordCache = new WordCache();

function toExample(doc: ConllDocument, lexicon: FeatureLexicon): Example {
  const prepared = prepareText(doc.text);
  const f = extractFeatures(prepared.words, prepared.sentences, lexicon, wordCache);
  const words = f.words.map((w) => ({ lower: w.lower, cls: w.cls }));
  return {
    id: doc.id,
    prepared,
    gold: goldLabels(doc, prepared),
    keys: f.keys.slice(),
    offsets: f.offsets,
    words,
  };
}

/** Perceptron state: current weights plus the sums that turn them into averaged weights. */
class Perceptron {
  public readonly w: Float64Array;
  public readonly u: Float64Array;
  public readonly t = new Float64Array(LABEL_COUNT * LABEL_COUNT + 2 * LABEL_COUNT);
  public readonly tu = new Float64Array(LABEL_COUNT * LABEL_COUNT + 2 * LABEL_COUNT);
  public c = 1;

  public constructor(public readonly rows: number) {
    this.w = new Float64Array(rows * LABEL_COUNT);
    this.u = new Float64Array(rows * LABEL_COUNT);
  }

  public bump(i: number, d: number): void {
    this.w[i] = (this.w[i] as number) + d;
    this.u[i] = (this.u[i] as number) + this.c * d;
  }

  public bumpT(i: number, d: number): void {
    this.t[i] = (this.t[i] as number) + d;
    this.tu[i] = (this.tu[i] as number) + this.c * d;
  }

  /** Averaged weights (w − u / c), the ones a tagger should use. */
  public averaged(): { weights: Float32Array; trans: Float64Array } {
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++)
      weights[i] = (this.w[i] as number) - (this.u[i] as number) / this.c;
    const trans = new Float64Array(this.t.length);
    for (let i = 0; i < trans.length; i++) trans[i] = (this.t[i] as number) - (this.tu[i] as number) / this.c;
    return { weights, trans };
  }
}

const L = LABEL_COUNT;
const LL = L * L;

/** A stage's transition weights plus those of the stage below it (the second stage learns a correction). */
function withBase(t: Float64Array, ex: Example): Float64Array {
  if (ex.baseTransitions === undefined) return t;
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = (t[i] as number) + (ex.baseTransitions[i] as number);
  return out;
}

function transitionScores(
  t: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> },
): TransitionScores {
  return constrainTransitions(t.subarray(0, LL), t.subarray(LL, LL + L), t.subarray(LL + L, LL + 2 * L));
}

/**
 * Emission scores of every token. Tokens flagged in `drop` lose their word-identity features (the first
 * LEXICAL_KEYS keys: exact and lower-cased word), so training cannot lean on memorised words alone and must
 * also weigh context, shape and gazetteers: what it has for names it has never seen.
 */
function emissionsOf(ex: Example, weights: ArrayLike<number>, out: Float32Array, drop?: Uint8Array): void {
  const rows = ex.rows as Int32Array;
  const n = ex.gold.length;
  if (ex.base === undefined) out.fill(0, 0, n * L);
  else out.set(ex.base);
  for (let i = 0; i < n; i++) {
    const base = i * L;
    const end = ex.offsets[i + 1] as number;
    const from = (ex.offsets[i] as number) + (drop?.[i] ? LEXICAL_KEYS : 0);
    for (let k = from; k < end; k++) {
      const row = rows[k] as number;
      if (row < 0) continue;
      const w = row * L;
      for (let y = 0; y < L; y++) out[base + y] = (out[base + y] as number) + (weights[w + y] as number);
    }
  }
}

function trainEpoch(p: Perceptron, examples: readonly Example[], random: () => number, buf: Buffers): number {
  let mistakes = 0;
  for (const ex of shuffle([...examples], random)) {
    const trans = transitionScores(withBase(p.t, ex));
    let drop: Uint8Array | undefined;
    if (ex.base === undefined && WORD_DROPOUT > 0) {
      drop = new Uint8Array(ex.gold.length);
      for (let i = 0; i < drop.length; i++) drop[i] = random() < WORD_DROPOUT ? 1 : 0;
    }
    emissionsOf(ex, p.w, buf.emissions, drop);
    const pred = buf.labels.subarray(0, ex.gold.length);
    const rows = ex.rows as Int32Array;
    for (const s of ex.prepared.sentences) {
      viterbi(buf.emissions, s.start * L, s.end - s.start, trans, pred.subarray(s.start, s.end), buf.back);
      let wrong = false;
      for (let i = s.start; i < s.end; i++) {
        const g = ex.gold[i] as number;
        const y = pred[i] as number;
        if (g === y) continue;
        wrong = true;
        const end = ex.offsets[i + 1] as number;
        for (let k = (ex.offsets[i] as number) + (drop?.[i] ? LEXICAL_KEYS : 0); k < end; k++) {
          const row = rows[k] as number;
          if (row < 0) continue;
          p.bump(row * L + g, 1);
          p.bump(row * L + y, -1);
        }
      }
      if (wrong) {
        mistakes++;
        for (let i = s.start; i < s.end; i++) {
          const g = ex.gold[i] as number;
          const y = pred[i] as number;
          if (i === s.start) {
            p.bumpT(LL + g, 1);
            p.bumpT(LL + y, -1);
          } else {
            p.bumpT((ex.gold[i - 1] as number) * L + g, 1);
            p.bumpT((pred[i - 1] as number) * L + y, -1);
          }
        }
        const last = s.end - 1;
        p.bumpT(LL + L + (ex.gold[last] as number), 1);
        p.bumpT(LL + L + (pred[last] as number), -1);
      }
      p.c++;
    }
  }
  return mistakes;
}

interface Buffers {
  emissions: Float32Array;
  labels: Uint8Array;
  back: Uint8Array;
}

function evaluate(p: Perceptron, examples: readonly Example[], buf: Buffers): number {
  const { weights, trans } = p.averaged();
  const scorer = new NerScorer();
  for (const ex of examples) {
    const scores = transitionScores(withBase(trans, ex));
    emissionsOf(ex, weights, buf.emissions);
    const pred = buf.labels.subarray(0, ex.gold.length);
    for (const s of ex.prepared.sentences) {
      viterbi(buf.emissions, s.start * L, s.end - s.start, scores, pred.subarray(s.start, s.end), buf.back);
    }
    const toSpans = (labels: Uint8Array): TypedSpan[] =>
      ex.prepared.sentences.flatMap((s) =>
        labelsToSpans(labels.subarray(s.start, s.end)).map((sp) => ({
          ...sp,
          start: sp.start + s.start,
          end: sp.end + s.start,
        })),
      );
    scorer.add(toSpans(ex.gold), toSpans(pred));
  }
  return scorer.scores().overall.f1;
}

function run(
  examples: readonly Example[],
  rows: number,
  epochs: number,
  heldOut: readonly Example[],
  buf: Buffers,
  verbose = true,
): { p: Perceptron; best: number; history: number[] } {
  const p = new Perceptron(rows);
  const random = seededRandom(SEED);
  const history: number[] = [];
  let best = 0;
  for (let e = 1; e <= epochs; e++) {
    const mistakes = trainEpoch(p, examples, random, buf);
    if (heldOut.length === 0) {
      if (verbose) log(`epoch ${e}: ${mistakes} sentences wrong`);
      continue;
    }
    const f1 = evaluate(p, heldOut, buf);
    history.push(f1);
    log(`epoch ${e}: ${mistakes} sentences wrong; held-out F1 ${f1.toFixed(2)}`);
    if (f1 > (history[best - 1] ?? -1)) best = e;
    if (e - best >= PATIENCE) break;
  }
  return { p, best, history };
}

/** Maps the features seen at least MIN_FEATURE_COUNT times to rows and gives each example its rows. */
function indexFeatures(examples: readonly Example[], stage: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const ex of examples) for (const k of ex.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [k, c] of counts) if (c >= MIN_FEATURE_COUNT) index.set(k, index.size);
  log(`stage ${stage}: ${counts.size} distinct features, ${index.size} kept (count >= ${MIN_FEATURE_COUNT})`);
  for (const ex of examples) ex.rows = Int32Array.from(ex.keys, (k) => index.get(k) ?? -1);
  return index;
}

/** Number of epochs: fixed, or picked on a held-out tenth of the documents. */
function pickEpochs(
  examples: readonly Example[],
  rows: number,
  fixed: number,
  buf: Buffers,
  stage: number,
): number {
  if (fixed > 0) return fixed;
  const heldOut = examples.filter((_, i) => i % 10 === 9);
  const fit = examples.filter((_, i) => i % 10 !== 9);
  const { best, history } = run(fit, rows, MAX_EPOCHS, heldOut, buf);
  log(
    `stage ${stage} early stopping: best held-out F1 ${(history[best - 1] ?? 0).toFixed(2)} after ${best} epochs`,
  );
  return best;
}

function toStage(p: Perceptron, index: Map<number, number>): ModelStage {
  const { weights, trans } = p.averaged();
  const keys = new Uint32Array(index.size);
  for (const [k, r] of index) keys[r] = k;
  return {
    keys,
    weights,
    transitions: Float32Array.from(trans.subarray(0, LL)),
    startWeights: Float32Array.from(trans.subarray(LL, LL + L)),
    endWeights: Float32Array.from(trans.subarray(LL + L)),
  };
}

/**
 * Stage-0 scores and labels for every document from models trained without it (k-fold jackknife), so the
 * second stage learns how far to trust stage 0 on unseen text rather than on text it has memorised.
 */
function jackknife(
  examples: readonly Example[],
  rows: number,
  epochs: number,
  buf: Buffers,
): { labels: Uint8Array[]; scores: Float32Array[]; transitions: Float64Array[] } {
  const labels: Uint8Array[] = [];
  const base: Float32Array[] = [];
  const transitions: Float64Array[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((_, i) => i % FOLDS !== fold);
    const { p } = run(train, rows, epochs, [], buf, false);
    const { weights, trans } = p.averaged();
    const scores = transitionScores(trans);
    examples.forEach((ex, i) => {
      if (i % FOLDS !== fold) return;
      const n = ex.gold.length;
      emissionsOf(ex, weights, buf.emissions);
      const pred = new Uint8Array(n);
      for (const s of ex.prepared.sentences) {
        viterbi(buf.emissions, s.start * L, s.end - s.start, scores, pred.subarray(s.start, s.end), buf.back);
      }
      base[i] = buf.emissions.slice(0, n * L);
      transitions[i] = trans;
      labels[i] = pred;
    });
    log(`jackknife fold ${fold + 1}/${FOLDS} done`);
  }
  return { labels, scores: base, transitions };
}

/** Words written in lower case somewhere in running text of the training documents. */
function commonWords(docs: readonly ConllDocument[]): Set<string> {
  const words = new Set<string>();
  for (const d of docs) for (const s of d.sentences) for (const w of s) if (/^[a-z]+$/.test(w)) words.add(w);
  return words;
}

interface TrainOptions {
  readonly epochs: number;
  readonly stage2Epochs: number;
  readonly stages: number;
  readonly version: string;
}

/** Trains both stages on `examples` (their rows are reassigned) and returns the model. */
function trainModel(examples: readonly Example[], lexicon: FeatureLexicon, options: TrainOptions): NerModel {
  const maxTokens = Math.max(...examples.map((e) => e.gold.length));
  const buf: Buffers = {
    emissions: new Float32Array(maxTokens * L),
    labels: new Uint8Array(maxTokens),
    back: new Uint8Array(maxTokens * L),
  };
  const index0 = indexFeatures(examples, 0);
  const epochs0 = pickEpochs(examples, index0.size, options.epochs, buf, 0);
  const stages: ModelStage[] = [toStage(run(examples, index0.size, epochs0, [], buf).p, index0)];
  if (options.stages >= 2) {
    const firstStage = jackknife(examples, index0.size, epochs0, buf);
    const stacked = examples.map((ex, i): Example => {
      const f = stackedFeatures(ex.words, ex.prepared.sentences, firstStage.labels[i] as Uint8Array);
      return {
        ...ex,
        keys: f.keys,
        offsets: f.offsets,
        base: firstStage.scores[i] as Float32Array,
        baseTransitions: firstStage.transitions[i] as Float64Array,
      };
    });
    const index1 = indexFeatures(stacked, 1);
    const epochs1 = pickEpochs(stacked, index1.size, options.stage2Epochs, buf, 1);
    stages.push(toStage(run(stacked, index1.size, epochs1, [], buf).p, index1));
  }
  return { version: options.version, stages, lexicon };
}

/** Tagger set-ups scored in cross-validation: the full tagger, and each post-decoding rule left out. */
function taggerVariants(): { name: string; options: PerceptronTaggerOptions }[] {
  return [
    { name: 'tagger as shipped', options: {} },
    {
      name: 'no rules after decoding',
      options: {
        vetoes: [],
        holidays: false,
        namesakes: false,
        adjacentPersons: false,
        majorityTypes: false,
        capsEcho: false,
        brands: false,
        companyContexts: false,
        personContexts: false,
        titles: false,
        openingNames: false,
      },
    },
    ...MENTION_VETOES.map((v) => ({
      name: `without ${v.name}`,
      options: { vetoes: MENTION_VETOES.filter((x) => x !== v) },
    })),
    { name: 'without holiday-names', options: { holidays: false } },
    { name: 'without namesake', options: { namesakes: false } },
    { name: 'without truecase', options: { truecase: false } },
    { name: 'without adjacent-persons', options: { adjacentPersons: false } },
    { name: 'without majority-type', options: { majorityTypes: false } },
    { name: 'without caps-echo', options: { capsEcho: false } },
    { name: 'without brand-names', options: { brands: false } },
    { name: 'without company-context', options: { companyContexts: false } },
    { name: 'without person-context', options: { personContexts: false } },
    { name: 'without titled-person', options: { titles: false } },
    { name: 'without opening-name', options: { openingNames: false } },
  ];
}

function meanSd(xs: readonly number[]): string {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${mean.toFixed(2)} ± ${sd.toFixed(2)}`;
}

/**
 * k-fold cross-validation over the documents of eng.train (document i is in fold i mod k): each fold's model
 * is trained on the others, through the same code as the shipped model, and tags the held-out documents
 * through the shipped tagger under every variant. Prints F1 mean ± sd overall and per type.
 */
function crossValidate(
  docs: readonly ConllDocument[],
  examples: readonly Example[],
  lexicon: FeatureLexicon,
  options: TrainOptions,
  folds: number,
  label: string,
): void {
  const variants = taggerVariants();
  const results = variants.map(() => ({
    overall: [] as number[],
    unseen: [] as number[],
    perType: new Map<string, number[]>(),
  }));
  const surface = (d: ConllDocument, e: { start: number; end: number }): string =>
    d.text.slice(e.start, e.end);
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.filter((_, i) => i % folds !== fold);
    const held = docs.filter((_, i) => i % folds === fold);
    // Names the fold's model never saw in training: the closest this data gets to tomorrow's news.
    const seen = new Set(
      docs.filter((_, i) => i % folds !== fold).flatMap((d) => d.entities.map((e) => surface(d, e))),
    );
    const loaded = decodeModel(encodeModel(trainModel(train, lexicon, options)));
    variants.forEach((variant, v) => {
      const tagger = createPerceptronTagger(loaded, variant.options);
      const scorer = new NerScorer();
      let unseenGold = 0;
      let unseenFound = 0;
      for (const d of held) {
        const predicted = tagger.tag(d.text);
        scorer.add(d.entities, predicted);
        const found = new Set(predicted.map((p) => `${p.start}:${p.end}:${p.type}`));
        for (const e of d.entities) {
          if (seen.has(surface(d, e))) continue;
          unseenGold++;
          if (found.has(`${e.start}:${e.end}:${e.type}`)) unseenFound++;
        }
      }
      const s = scorer.scores();
      const r = results[v] as (typeof results)[number];
      r.overall.push(s.overall.f1);
      r.unseen.push((100 * unseenFound) / Math.max(1, unseenGold));
      for (const [t, prfs] of Object.entries(s.perType))
        r.perType.set(t, [...(r.perType.get(t) ?? []), prfs.f1]);
    });
    log(
      `fold ${fold + 1}/${folds}: F1 ${(results[0] as (typeof results)[number]).overall.at(-1)?.toFixed(2)}`,
    );
  }
  process.stdout.write(`\n## ${label}: ${folds}-fold CV over eng.train documents (F1 mean ± sd)\n\n`);
  process.stdout.write(
    '| variant | overall | PER | LOC | ORG | MISC | recall of unseen names | overall by fold |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  variants.forEach((variant, v) => {
    const r = results[v] as (typeof results)[number];
    const t = (name: string): string => meanSd(r.perType.get(name) ?? []);
    process.stdout.write(
      `| ${variant.name} | ${meanSd(r.overall)} | ${t('PERSON')} | ${t('LOCATION')} | ${t('ORGANIZATION')} | ${t('MISC')} | ${meanSd(r.unseen)} | ${r.overall.map((f) => f.toFixed(2)).join(', ')} |\n`,
    );
  });
}

/** The groups a model is trained with by default; `place` may be added (the table holds both context buckets). */
const WORD_FEATURE_GROUPS: readonly WordFeatureGroup[] = ['news', 'glove', 'caps', 'company'];
const ALL_WORD_FEATURE_GROUPS: readonly WordFeatureGroup[] = [...WORD_FEATURE_GROUPS, 'place'];

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(__dirname, '../../models/ner/model.bin') },
      epochs: { type: 'string', default: '0' },
      'stage2-epochs': { type: 'string', default: '0' },
      stages: { type: 'string', default: '2' },
      version: { type: 'string', default: 'perceptron-6' },
      gazetteers: { type: 'boolean', default: true },
      grobid: { type: 'string', default: 'true' },
      'word-features': { type: 'string', default: WORD_FEATURE_GROUPS.join(',') },
      'min-count': { type: 'string', default: String(MIN_FEATURE_COUNT) },
      'word-dropout': { type: 'string', default: String(WORD_DROPOUT) },
      /** Also train on these CoNLL files (the final model may add eng.testa). */
      add: { type: 'string', multiple: true, default: [] },
      cv: { type: 'string', default: '0' },
      /** The word representations (`npm run build:lexicon` output). */
      words: { type: 'string', default: WORD_REPRESENTATIONS },
    },
  });
  WORD_DROPOUT = Number(values['word-dropout']);
  MIN_FEATURE_COUNT = Number(values['min-count']);
  const docs = [
    ...readConll(`${DATA}/conll2003/eng.train`),
    ...(values.add as string[]).flatMap((f) => readConll(resolve(f))),
  ];
  const groups = (values['word-features'] as string)
    .split(',')
    .filter((g): g is WordFeatureGroup => (ALL_WORD_FEATURE_GROUPS as readonly string[]).includes(g));
  const lexicon: FeatureLexicon = values.gazetteers
    ? {
        ...buildGazetteers(commonWords(docs), { grobid: values.grobid === 'true' }),
        words: groups.length > 0 ? loadWordTable(values.words as string) : EMPTY_WORD_TABLE,
        wordFeatures: groups,
      }
    : EMPTY_LEXICON;
  log(`lexicon: ${lexicon.phrases.size} gazetteer phrases; word features: ${groups.join(', ') || 'none'}`);
  wordCache = new WordCache(lexicon, 10_000_000);
  const examples = docs.map((d) => toExample(d, lexicon));
  log(`${examples.length} documents, ${examples.reduce((a, e) => a + e.gold.length, 0)} tokens prepared`);
  const options: TrainOptions = {
    epochs: Number(values.epochs),
    stage2Epochs: Number(values['stage2-epochs']),
    stages: Number(values.stages),
    version: values.version as string,
  };
  const folds = Number(values.cv);
  if (folds > 1) {
    const label = `gazetteers ${values.gazetteers ? (values.grobid === 'true' ? 'npm + GROBID' : 'npm') : 'none'}; word features ${groups.join(', ') || 'none'}`;
    crossValidate(docs, examples, lexicon, options, folds, label);
    return;
  }
  const bytes = encodeModel(trainModel(examples, lexicon, options));
  const out = values.out as string;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB`);
}

main();
