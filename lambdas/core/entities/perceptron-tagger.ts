import { type SentenceRange, splitSentences } from '../text/sentences';
import { type Token, tokenize } from '../text/tokenize';
import {
  BIAS_KEY,
  BOUNDARY_NORM,
  extractFeatures,
  FeatureScratch,
  KeyBuffer,
  neighbourKeys,
  WordCache,
  type WordEntry,
} from './features';
import { LABEL_COUNT, labelType, OUTSIDE } from './labels';
import type { FeatureLexicon } from './lexicon';
import type { LoadedModel } from './model-format';
import {
  echoCapitalizedMentions,
  MENTION_VETOES,
  mergeAdjacentPersons,
  REFINERS_VERSION,
  redecodeOpeningNames,
  redecodeVetoedMentions,
  refineBrandNames,
  refineCompanyContexts,
  refineHolidayMentions,
  refineMajorityTypes,
  refineNamesakes,
  refinePersonContexts,
  refineTitledPersons,
} from './refiners';
import type { MentionVeto } from './refiners/mention-veto';
import { SparseWeights } from './sparse-weights';
import { stackedFeatures } from './stacking';
import { truecaseWords } from './truecase';
import type { EntitySpan, EntityTagger } from './types';
import { constrainTransitions, type TransitionScores, viterbi } from './viterbi';

// A module-level copy: transpiled imports are getters, too slow to read in per-token loops.
const L = LABEL_COUNT;

/** A text cut into tokens and sentences, ready for feature extraction. */
export interface PreparedText {
  readonly tokens: readonly Token[];
  readonly words: readonly string[];
  readonly sentences: readonly SentenceRange[];
}

/** Tokenizes and sentence-splits a text the same way for training and tagging. */
export function prepareText(text: string): PreparedText {
  const tokens = tokenize(text);
  return { tokens, words: tokens.map((t) => t.text), sentences: splitSentences(text, tokens) };
}

/** A model stage made ready for scoring. */
interface ScoringStage {
  readonly weights: SparseWeights;
  readonly transitions: TransitionScores;
  /** Weights of the bias key, and of the neighbour keys of a sentence edge (see neighbourKeys). */
  readonly bias: Float32Array;
  readonly boundary: Float32Array;
}

/** What the tagger does besides decoding; training scripts switch parts off to measure them. */
export interface PerceptronTaggerOptions {
  /** Mention vetoes applied after decoding, in order. @default MENTION_VETOES */
  readonly vetoes?: readonly MentionVeto[];
  /** Whether a mention that is a holiday's name becomes MISC. @default true */
  readonly holidays?: boolean;
  /** Whether a name before "administration" and the like takes the article's person reading. @default true */
  readonly namesakes?: boolean;
  /** Whether caseless sentences are re-cased before tagging. @default true */
  readonly truecase?: boolean;
  /** Whether PERSON mentions with only spaces between them become one. @default true */
  readonly adjacentPersons?: boolean;
  /** Whether a name's mentions take the type most of them have in the article. @default true */
  readonly majorityTypes?: boolean;
  /** Whether capitalised spellings of running-text names are tagged like them. @default true */
  readonly capsEcho?: boolean;
  /** Whether one-word places the gazetteers know only as companies or brands become organisations. @default true */
  readonly brands?: boolean;
  /** Whether one-word places that news writes in company contexts become organisations. @default true */
  readonly companyContexts?: boolean;
  /** Whether a mention right after a title of office ("Senator …") becomes a person. @default true */
  readonly titles?: boolean;
  /** Whether multi-word mentions opening with a word news writes after titles become people. @default true */
  readonly personContexts?: boolean;
  /** Whether a sentence's first word that news always capitalises is kept out of "outside". @default true */
  readonly openingNames?: boolean;
}

/**
 * The trained tagger: hashed features scored by an averaged structured perceptron, decoded per sentence with
 * BILOU-constrained Viterbi; a second stage, when the model has one, re-decodes with features of the first
 * stage's labels across the document. Building it indexes the model once; `tag` allocates only
 * per-document buffers.
 */
export function createPerceptronTagger(
  model: LoadedModel,
  options: PerceptronTaggerOptions = {},
): EntityTagger {
  const vetoes = options.vetoes ?? MENTION_VETOES;
  const holidays = options.holidays ?? true;
  const namesakes = options.namesakes ?? true;
  const truecase = options.truecase ?? true;
  const adjacentPersons = options.adjacentPersons ?? true;
  const majorityTypes = options.majorityTypes ?? true;
  const capsEcho = options.capsEcho ?? true;
  const brands = options.brands ?? true;
  const companyContexts = options.companyContexts ?? true;
  const titles = options.titles ?? true;
  const personContexts = options.personContexts ?? true;
  const openingNames = options.openingNames ?? true;
  // A later stage's transition weights are corrections to the sum of those below it.
  const sums = {
    pairs: new Float32Array(LABEL_COUNT * LABEL_COUNT),
    start: new Float32Array(LABEL_COUNT),
    end: new Float32Array(LABEL_COUNT),
  };
  const stages = model.stages.map((s): ScoringStage => {
    for (let i = 0; i < sums.pairs.length; i++)
      sums.pairs[i] = (sums.pairs[i] as number) + (s.transitions[i] as number);
    for (let i = 0; i < LABEL_COUNT; i++) {
      sums.start[i] = (sums.start[i] as number) + (s.startWeights[i] as number);
      sums.end[i] = (sums.end[i] as number) + (s.endWeights[i] as number);
    }
    const weights = new SparseWeights(s.keys, s.rowStart, s.labels, s.values);
    return {
      weights,
      transitions: constrainTransitions(sums.pairs, sums.start, sums.end),
      bias: rowsOf(Uint32Array.of(BIAS_KEY), weights),
      boundary: roleRows(neighbourKeys(BOUNDARY_NORM), weights),
    };
  });
  const cache = new WordCache(model.lexicon);
  const scratch = new Scratch();
  return {
    version: `${model.version}+${REFINERS_VERSION}`,
    tag(text: string): EntitySpan[] {
      const raw = prepareText(text);
      const words = truecase ? truecaseWords(raw.words, raw.sentences, model.lexicon) : raw.words;
      const prepared = { ...raw, words };
      const labels = decodeLabels(prepared, stages, model.lexicon, cache, scratch, vetoes, openingNames);
      const spans: EntitySpan[] = [];
      const { tokens } = prepared;
      // Constrained decoding leaves well-formed BILOU per sentence: an entity opens at B or U and closes
      // at L or U, so the spans are read in one pass (see labelsToSpans for arbitrary label sequences).
      let open = 0;
      for (let i = 0; i < labels.length; i++) {
        const y = labels[i] as number;
        if (y === OUTSIDE) continue;
        const part = (y - 1) & 3;
        if (part === 0 || part === 3) open = i;
        if (part === 2 || part === 3) {
          const start = (tokens[open] as Token).start;
          const end = (tokens[i] as Token).end;
          spans.push({ text: text.slice(start, end), type: labelType(y), start, end });
        }
      }
      let refined = adjacentPersons ? mergeAdjacentPersons(text, spans) : spans;
      // Before majority typing, so a titled mention also votes for the name's other mentions.
      if (titles) refined = refineTitledPersons(text, refined);
      if (personContexts) refined = refinePersonContexts(refined, model.lexicon);
      if (majorityTypes) refined = refineMajorityTypes(refined);
      if (capsEcho) refined = echoCapitalizedMentions(text, refined);
      if (holidays) refined = refineHolidayMentions(refined);
      if (brands) refined = refineBrandNames(refined, model.lexicon);
      if (companyContexts) refined = refineCompanyContexts(refined, model.lexicon);
      return namesakes ? refineNamesakes(text, refined) : refined;
    },
  };
}

/**
 * Per-document working memory, kept by a tagger and grown to the longest document seen: tagging is
 * synchronous, so one set serves every call, and the hot path allocates almost nothing.
 */
class Scratch {
  public emissions = new Float32Array(0);
  public labels = new Uint8Array(0);
  public back = new Uint8Array(0);
  public readonly keys = new KeyBuffer();
  public readonly stackedKeys = new KeyBuffer();
  public readonly features = new FeatureScratch();

  /** Makes room for `n` tokens; returns the emissions, zeroed for them. */
  public reserve(n: number): Float32Array {
    if (this.labels.length < n) {
      const size = Math.max(n, 2 * this.labels.length, 256);
      this.emissions = new Float32Array(size * L);
      this.labels = new Uint8Array(size);
      this.back = new Uint8Array(size * L);
    }
    const emissions = this.emissions.subarray(0, n * L);
    emissions.fill(0);
    return emissions;
  }
}

function decodeAll(
  prepared: PreparedText,
  emissions: Float32Array,
  transitions: TransitionScores,
  labels: Uint8Array,
  back: Uint8Array,
): void {
  for (const s of prepared.sentences) {
    viterbi(emissions, s.start * L, s.end - s.start, transitions, labels, back, s.start);
  }
}

/** Best label of every token of a prepared text (a view into `scratch`, valid until the next call). */
function decodeLabels(
  prepared: PreparedText,
  stages: readonly ScoringStage[],
  lexicon: FeatureLexicon,
  cache: WordCache,
  scratch: Scratch,
  vetoes: readonly MentionVeto[],
  openingNames: boolean,
): Uint8Array {
  const n = prepared.words.length;
  const first = stages[0] as ScoringStage;
  // Features of single words (the token's own, and what it says as a neighbour) are scored once per
  // distinct word and cached with it; they are added in the order extraction would have emitted them.
  const { keys, offsets, words } = extractFeatures(
    prepared.words,
    prepared.sentences,
    lexicon,
    cache,
    'context',
    scratch.keys,
    scratch.features,
  );
  const emissions = scratch.reserve(n);
  const { bias, boundary } = first;
  for (const s of prepared.sentences) {
    for (let i = s.start; i < s.end; i++) {
      const base = i * L;
      emissions.set(localScores(words[i] as WordEntry, first.weights, bias), base);
      addRow(
        emissions,
        base,
        i > s.start ? neighbourScores(words[i - 1] as WordEntry, first.weights) : boundary,
        0,
      );
      addRow(
        emissions,
        base,
        i + 1 < s.end ? neighbourScores(words[i + 1] as WordEntry, first.weights) : boundary,
        L,
      );
      addRow(
        emissions,
        base,
        i > s.start + 1 ? neighbourScores(words[i - 2] as WordEntry, first.weights) : boundary,
        2 * L,
      );
      addRow(
        emissions,
        base,
        i + 2 < s.end ? neighbourScores(words[i + 2] as WordEntry, first.weights) : boundary,
        3 * L,
      );
    }
  }
  first.weights.accumulate(keys, 0, n, emissions, 0, offsets);
  const labels = scratch.labels.subarray(0, n);
  const back = scratch.back;
  decodeAll(prepared, emissions, first.transitions, labels, back);
  let transitions = first.transitions;
  const second = stages[1];
  if (second !== undefined) {
    const stacked = stackedFeatures(words, prepared.sentences, labels, scratch.stackedKeys);
    second.weights.accumulate(stacked.keys, 0, n, emissions, 0, stacked.offsets);
    decodeAll(prepared, emissions, second.transitions, labels, back);
    transitions = second.transitions;
  }
  redecodeVetoedMentions(prepared.words, prepared.sentences, emissions, transitions, labels, back, vetoes);
  if (openingNames) redecodeOpeningNames(words, prepared.sentences, emissions, transitions, labels, back);
  return labels;
}

/**
 * The summed weights of a word's own features, then the bias added (in float32, as the emissions would add
 * it), cached on its entry.
 */
function localScores(entry: WordEntry, weights: SparseWeights, bias: Float32Array): Float32Array {
  let scores = entry.localScores;
  if (scores === undefined) {
    scores = new Float32Array(L);
    weights.accumulate(entry.local, 0, entry.local.length, scores, 0);
    addRow(scores, 0, bias, 0);
    entry.localScores = scores;
  }
  return scores;
}

/** The summed weights of a word's keys in each neighbour role, one row of LABEL_COUNT each, cached on its entry. */
function neighbourScores(entry: WordEntry, weights: SparseWeights): Float32Array {
  let scores = entry.neighbourScores;
  if (scores === undefined) {
    scores = roleRows(entry.neighbours, weights);
    entry.neighbourScores = scores;
  }
  return scores;
}

/** One row per neighbour role: the weights of the role's keys added up (zeros for keys the model lacks). */
function roleRows(roles: readonly Uint32Array[], weights: SparseWeights): Float32Array {
  const rows = new Float32Array(roles.length * L);
  roles.forEach((keys, k) => {
    weights.accumulate(keys, 0, keys.length, rows, k * L);
  });
  return rows;
}

/** One row of weights per key (zeros for keys the model lacks). */
function rowsOf(keys: Uint32Array, weights: SparseWeights): Float32Array {
  const rows = new Float32Array(keys.length * L);
  for (let k = 0; k < keys.length; k++) weights.accumulate(keys, k, k + 1, rows, k * L);
  return rows;
}

/**
 * Adds one row (`rows[at .. at + LABEL_COUNT)`) to the emissions of a token. A feature's weights are added
 * as a whole row, zeros included: x + 0 is x, so the sums are those of adding its non-zero weights alone.
 */
function addRow(emissions: Float32Array, base: number, rows: Float32Array, at: number): void {
  for (let y = 0; y < L; y++) {
    emissions[base + y] = (emissions[base + y] as number) + (rows[at + y] as number);
  }
}
