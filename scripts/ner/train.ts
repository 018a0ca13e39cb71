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
import { extractFeatures } from '../../lambdas/core/entities/features';
import { LABEL_COUNT, labelOf, labelsToSpans } from '../../lambdas/core/entities/labels';
import { EMPTY_LEXICON, type FeatureLexicon } from '../../lambdas/core/entities/lexicon';
import { encodeModel, type NerModel } from '../../lambdas/core/entities/model-format';
import { type PreparedText, prepareText } from '../../lambdas/core/entities/perceptron-tagger';
import { constrainTransitions, type TransitionScores, viterbi } from '../../lambdas/core/entities/viterbi';
import { type ConllDocument, readConll } from './conll';
import { NerScorer, type TypedSpan } from './score';

const DATA = resolve(__dirname, '../../../shared/data');
const SEED = 20191220;
const MIN_FEATURE_COUNT = 2;
const MAX_EPOCHS = 25;
const PATIENCE = 4;

/** A training document with its features mapped to weight rows. */
interface Example {
  readonly id: string;
  readonly prepared: PreparedText;
  readonly gold: Uint8Array;
  readonly keys: Uint32Array;
  readonly offsets: Int32Array;
  rows?: Int32Array;
}

function log(msg: string): void {
  process.stderr.write(`[train ${((performance.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}
const t0 = performance.now();

/** mulberry32: small, seeded, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function toExample(doc: ConllDocument, lexicon: FeatureLexicon): Example {
  const prepared = prepareText(doc.text);
  const { keys, offsets } = extractFeatures(prepared.words, prepared.sentences, lexicon);
  return { id: doc.id, prepared, gold: goldLabels(doc, prepared), keys, offsets };
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

function transitionScores(
  t: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> },
): TransitionScores {
  return constrainTransitions(t.subarray(0, LL), t.subarray(LL, LL + L), t.subarray(LL + L, LL + 2 * L));
}

function emissionsOf(ex: Example, weights: ArrayLike<number>, out: Float32Array): void {
  const rows = ex.rows as Int32Array;
  const n = ex.gold.length;
  out.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const base = i * L;
    const end = ex.offsets[i + 1] as number;
    for (let k = ex.offsets[i] as number; k < end; k++) {
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
    const trans = transitionScores(p.t);
    emissionsOf(ex, p.w, buf.emissions);
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
        for (let k = ex.offsets[i] as number; k < end; k++) {
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
  const scores = transitionScores(trans);
  const scorer = new NerScorer();
  for (const ex of examples) {
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
): { p: Perceptron; best: number; history: number[] } {
  const p = new Perceptron(rows);
  const random = rng(SEED);
  const history: number[] = [];
  let best = 0;
  for (let e = 1; e <= epochs; e++) {
    const mistakes = trainEpoch(p, examples, random, buf);
    if (heldOut.length === 0) {
      log(`epoch ${e}: ${mistakes} sentences wrong`);
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

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(__dirname, '../../models/ner/model.bin') },
      epochs: { type: 'string' },
      version: { type: 'string', default: 'perceptron-1' },
    },
  });
  const docs = readConll(`${DATA}/conll2003/eng.train`);
  const lexicon = EMPTY_LEXICON;
  const examples = docs.map((d) => toExample(d, lexicon));
  log(`${examples.length} documents, ${examples.reduce((a, e) => a + e.gold.length, 0)} tokens prepared`);

  const counts = new Map<number, number>();
  for (const ex of examples) for (const k of ex.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [k, c] of counts) if (c >= MIN_FEATURE_COUNT) index.set(k, index.size);
  log(`${counts.size} distinct features, ${index.size} kept (count >= ${MIN_FEATURE_COUNT})`);
  for (const ex of examples) ex.rows = Int32Array.from(ex.keys, (k) => index.get(k) ?? -1);

  const maxTokens = Math.max(...examples.map((e) => e.gold.length));
  const buf: Buffers = {
    emissions: new Float32Array(maxTokens * L),
    labels: new Uint8Array(maxTokens),
    back: new Uint8Array(maxTokens * L),
  };
  let epochs = values.epochs === undefined ? 0 : Number(values.epochs);
  if (epochs === 0) {
    const heldOut = examples.filter((_, i) => i % 10 === 9);
    const fit = examples.filter((_, i) => i % 10 !== 9);
    const { best, history } = run(fit, index.size, MAX_EPOCHS, heldOut, buf);
    epochs = best;
    log(`early stopping: best held-out F1 ${(history[best - 1] ?? 0).toFixed(2)} after ${best} epochs`);
  }
  const { p } = run(examples, index.size, epochs, [], buf);
  const { weights, trans } = p.averaged();
  const keys = new Uint32Array(index.size);
  for (const [k, r] of index) keys[r] = k;
  const model: NerModel = {
    version: values.version as string,
    keys,
    weights,
    transitions: Float32Array.from(trans.subarray(0, LL)),
    startWeights: Float32Array.from(trans.subarray(LL, LL + L)),
    endWeights: Float32Array.from(trans.subarray(LL + L)),
    lexicon,
  };
  const bytes = encodeModel(model);
  const out = values.out as string;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${epochs} epochs`);
}

main();
