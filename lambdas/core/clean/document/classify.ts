import type { Extracted, LineContext, LineRule, Zone } from '../rules/types';
import type { RemovedFragment } from '../types';
import type { SourceBlock } from './blocks';
import { isSubstantialProse, looksLikeSentence } from './shape';

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
  byline?: string;
  readonly keywords: string[];
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
}

function merge(into: CollectedMetadata, extracted: Extracted | undefined, seenKeywords: Set<string>): void {
  if (extracted === undefined) return;
  if (extracted.publishedAt !== undefined) into.publishedAt ??= extracted.publishedAt;
  if (extracted.byline !== undefined) into.byline ??= extracted.byline;
  for (const keyword of extracted.keywords ?? []) {
    const key = keyword.toLowerCase();
    if (seenKeywords.has(key)) continue;
    seenKeywords.add(key);
    into.keywords.push(keyword);
  }
}

/** Zone boundaries: the first and last substantial prose lines, or the first and last sentence if none is. */
function proseBounds(lines: readonly string[]): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!isSubstantialProse(lines[i]!)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) return [first, last];
  for (let i = 0; i < lines.length; i++) {
    if (!looksLikeSentence(lines[i]!)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return [first, last];
}

interface StageState {
  readonly removed: RemovedFragment[];
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
  const [firstProse, lastProse] = proseBounds(texts);
  const counts = new Map<string, number>();
  for (const text of texts) if (text.length <= COUNTED_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
  const occurrences = (line: string): number => counts.get(line) ?? 0;
  const survivors: Line[] = [];
  for (let index = 0; index < lines.length; index++) {
    const zone: Zone =
      firstProse < 0 ? 'body' : index < firstProse ? 'header' : index > lastProse ? 'footer' : 'body';
    const context: LineContext = { lines: texts, index, zone, occurrences };
    let text = texts[index]!;
    let sentence = looksLikeSentence(text);
    let dropped = false;
    let trims = 0;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (!rule.zones.includes(zone) || (sentence && rule.removesSentences !== true)) continue;
      const verdict = rule.match(text, context);
      if (verdict === undefined) continue;
      merge(state.metadata, verdict.extracted, state.seenKeywords);
      if (verdict.action === 'remove') {
        state.removed.push({ text, reason: rule.reason, rule: rule.id });
        dropped = true;
        break;
      }
      state.removed.push({ text: verdict.removed, reason: rule.reason, rule: rule.id });
      text = verdict.kept;
      sentence = looksLikeSentence(text);
      // What is left is a new line: every rule of the stage gets to see it.
      if (++trims >= MAX_TRIMS) break;
      r = -1;
    }
    if (!dropped) survivors.push({ ...lines[index]!, text });
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
    for (const text of block.lines) lines.push({ text, block: b, headingHint: block.heading === true });
  });
  const state: StageState = { removed: [], metadata: { keywords: [] }, seenKeywords: new Set() };
  for (const rules of stages) lines = runStage(lines, rules, state);
  const texts = lines.map((l) => l.text);
  const [firstProse, lastProse] = proseBounds(texts);
  const kept = lines.map((l, index) => ({ ...l, index }));
  return { lines: texts, kept, removed: state.removed, metadata: state.metadata, firstProse, lastProse };
}
