import type { Extracted, LineContext, LineRule, Zone } from '../rules/types';
import type { RemovedFragment } from '../types';
import type { SourceBlock } from './blocks';
import { lineShape, looksLikeSentence, reportsSpeech } from './shape';

/** A line that survived the rules. */
export interface KeptLine {
  readonly text: string;
  /** Index of its block in the input. */
  readonly block: number;
  /** Position of the line among the lines that survived (`Classification.lines`). */
  readonly index: number;
  /** Marked as a heading by the source (HTML `<h2>`…). */
  readonly headingHint: boolean;
}

/** Metadata collected from removed lines; the first value in document order wins. */
export interface CollectedMetadata {
  publishedAt?: string;
  updatedAt?: string;
  byline?: string;
  creditedAuthors?: string;
  readonly keywords: string[];
}

/** Combines metadata of two passes over a text; values of the first pass win. */
export function mergeCollected(first: CollectedMetadata, second: CollectedMetadata): CollectedMetadata {
  const merged: CollectedMetadata = { ...second, ...definedOnly(first), keywords: [...first.keywords] };
  const seen = new Set(first.keywords.map((k) => k.toLowerCase()));
  for (const k of second.keywords) if (!seen.has(k.toLowerCase())) merged.keywords.push(k);
  return merged;
}

function definedOnly(m: CollectedMetadata): Partial<CollectedMetadata> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}

/** The outcome of running the line rules over a document. */
export interface Classification {
  /** The surviving lines' texts (`KeptLine.index` points here). */
  readonly lines: readonly string[];
  readonly kept: readonly KeptLine[];
  readonly removed: readonly RemovedFragment[];
  readonly metadata: CollectedMetadata;
  /** Index of the first and last substantial prose line in `lines` (`-1` when there is none). */
  readonly firstProse: number;
  readonly lastProse: number;
}

/** Occurrence counts are only kept for lines short enough to be menu entries. */
const COUNTED_LENGTH = 60;
/** A line trimmed more often than this is left as it is (no rule should keep trimming). */
const MAX_TRIMS = 3;

interface Line {
  readonly text: string;
  readonly block: number;
  readonly headingHint: boolean;
  /** Position in the input, so the audit trail can be listed in document order. */
  readonly order: number;
  /** Shape of `text`, computed once: every stage needs it. */
  readonly sentence: boolean;
  readonly substantial: boolean;
}

function line(text: string, block: number, headingHint: boolean, order: number): Line {
  const { sentence, substantial } = lineShape(text);
  return { text, block, headingHint, order, sentence, substantial };
}

function merge(into: CollectedMetadata, extracted: Extracted | undefined, seenKeywords: Set<string>): void {
  if (extracted === undefined) return;
  if (extracted.publishedAt !== undefined) into.publishedAt ??= extracted.publishedAt;
  if (extracted.updatedAt !== undefined) into.updatedAt ??= extracted.updatedAt;
  if (extracted.byline !== undefined) into.byline ??= extracted.byline;
  if (extracted.creditedAuthors !== undefined) into.creditedAuthors ??= extracted.creditedAuthors;
  for (const keyword of extracted.keywords ?? []) {
    const key = keyword.toLowerCase();
    if (seenKeywords.has(key)) continue;
    seenKeywords.add(key);
    into.keywords.push(keyword);
  }
}

/** Zone boundaries: the first and last substantial prose lines, or the first and last sentence if none is. */
function proseBounds(lines: readonly Line[]): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.substantial) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) return [first, last];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.sentence) continue;
    if (first < 0) first = i;
    last = i;
  }
  return [first, last];
}

interface StageState {
  readonly removed: { order: number; fragment: RemovedFragment }[];
  readonly metadata: CollectedMetadata;
  readonly seenKeywords: Set<string>;
}

/**
 * Runs one stage of rules over the lines. Zones, bounds and occurrence counts are taken from the lines the
 * stage starts with; a document without any sentence has no header or footer (all of it is body), so
 * header-only rules cannot strip a short text bare.
 */
function runStage(lines: readonly Line[], rules: readonly LineRule[], state: StageState): Line[] {
  const texts = lines.map((l) => l.text);
  const [firstProse, lastProse] = proseBounds(lines);
  const counts = new Map<string, number>();
  for (const text of texts) if (text.length <= COUNTED_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
  const context = {
    lines: texts,
    index: 0,
    zone: 'body' as Zone,
    occurrences: (l: string) => counts.get(l) ?? 0,
  };
  const survivors: Line[] = [];
  for (let index = 0; index < lines.length; index++) {
    const original = lines[index]!;
    context.index = index;
    context.zone =
      firstProse < 0 ? 'body' : index < firstProse ? 'header' : index > lastProse ? 'footer' : 'body';
    let text = original.text;
    let sentence = original.sentence;
    let dropped = false;
    let trims = 0;
    let speech: boolean | undefined;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      // Prose stays: only rules that know a boilerplate sentence may remove a sentence, and none may
      // remove one that reports speech.
      if (sentence && rule.removesSentences !== true) continue;
      if (sentence) {
        if (speech === undefined) speech = reportsSpeech(text);
        if (speech) continue;
      }
      if (!rule.zones.includes(context.zone)) continue;
      const verdict = rule.match(text, context as LineContext);
      if (verdict === undefined) continue;
      merge(state.metadata, verdict.extracted, state.seenKeywords);
      if (verdict.action === 'remove') {
        state.removed.push({ order: original.order, fragment: { text, reason: rule.reason, rule: rule.id } });
        dropped = true;
        break;
      }
      state.removed.push({
        order: original.order,
        fragment: { text: verdict.removed, reason: rule.reason, rule: rule.id },
      });
      text = verdict.kept;
      sentence = looksLikeSentence(text);
      speech = undefined;
      // What is left is a new line: every rule of the stage gets to see it.
      if (++trims >= MAX_TRIMS) break;
      r = -1;
    }
    if (dropped) continue;
    survivors.push(
      text === original.text ? original : line(text, original.block, original.headingHint, original.order),
    );
  }
  return survivors;
}

/**
 * Runs the rule stages over a document's lines, each stage over what the previous one kept. Stages exist so
 * that what a rule sees (where the prose starts, which lines repeat, which lines are neighbours) is
 * computed from text that earlier rules already cleaned, which is what makes cleaning idempotent.
 */
export function classifyLines(
  blocks: readonly SourceBlock[],
  stages: readonly (readonly LineRule[])[],
): Classification {
  let lines: Line[] = [];
  blocks.forEach((block, b) => {
    for (const text of block.lines) lines.push(line(text, b, block.heading === true, lines.length));
  });
  const state: StageState = { removed: [], metadata: { keywords: [] }, seenKeywords: new Set() };
  for (const rules of stages) lines = runStage(lines, rules, state);
  const texts = lines.map((l) => l.text);
  const [firstProse, lastProse] = proseBounds(lines);
  const kept = lines.map((l, index) => ({ text: l.text, block: l.block, index, headingHint: l.headingHint }));
  // Stable sort: fragments of one line keep the order in which they were cut.
  const removed = state.removed.sort((a, b) => a.order - b.order).map((r) => r.fragment);
  return { lines: texts, kept, removed, metadata: state.metadata, firstProse, lastProse };
}
