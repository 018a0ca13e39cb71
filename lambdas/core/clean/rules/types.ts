/**
 * Where a line sits relative to the article's prose: before the first substantial prose line (`header`:
 * headline, byline, date, site chrome), after the last (`footer`: tags, credits, copyright), or between.
 */
export type Zone = 'header' | 'body' | 'footer';

/** Metadata a rule read off the line it removed. */
export interface Extracted {
  readonly publishedAt?: string;
  /** A last-updated stamp: the article was published on or before it. */
  readonly updatedAt?: string;
  readonly byline?: string;
  /** Authors named in a credit line: the byline only when the article has no byline of its own. */
  readonly creditedAuthors?: string;
  readonly keywords?: readonly string[];
}

/** What a rule sees besides the line itself. */
export interface LineContext {
  /** Every line of the document (collapsed), in order. */
  readonly lines: readonly string[];
  readonly index: number;
  readonly zone: Zone;
  /** How many times a line of this exact text occurs in the document. */
  readonly occurrences: (line: string) => number;
}

/** A rule's decision: drop the whole line, or drop part of it (`Loading... SEOUL (Reuters) –` → the prose). */
export type LineVerdict =
  | { readonly action: 'remove'; readonly extracted?: Extracted }
  | {
      readonly action: 'trim';
      readonly kept: string;
      readonly removed: string;
      readonly extracted?: Extracted;
    };

/** One line-level cleaning rule. Rules are tried in the order of `LINE_RULES`; the first verdict wins. */
export interface LineRule {
  /** Stable id, recorded with each removal. */
  readonly id: string;
  /** Why lines matching this rule are not article text (the audit trail's `reason`). */
  readonly reason: string;
  /** Zones the rule applies in. */
  readonly zones: readonly Zone[];
  /**
   * True for rules that recognise specific boilerplate sentences (cookie notices, copyright lines). Other
   * rules are never allowed to remove a line that reads as a sentence: the guard behind "prose stays".
   */
  readonly removesSentences?: boolean;
  readonly match: (line: string, context: LineContext) => LineVerdict | undefined;
}

/** All zones, for rules whose pattern is specific enough to apply anywhere. */
export const ANY_ZONE: readonly Zone[] = ['header', 'body', 'footer'];

/** The verdict that removes a whole line. */
export const REMOVE: LineVerdict = { action: 'remove' };
