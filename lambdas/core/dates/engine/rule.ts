import type { Candidate } from './candidate';
import type { KeywordClass } from './keywords';

/** What every parser sees: the text being tagged. */
export interface ParsingContext {
  readonly text: string;
  /** The article's locale (BCP 47), when the caller knows it. */
  readonly locale?: string;
}

/**
 * A parser: one regular expression (global flag) and a function that turns each match into candidates.
 * Parsers are small and independent; the configuration orders them, and order breaks ties between spans.
 */
export interface Parser {
  readonly name: string;
  readonly pattern: RegExp;
  /**
   * Keyword classes every match contains. With them the pattern runs only in windows that end at such a keyword
   * and start {@link reach} characters before it, instead of over the whole text.
   */
  readonly keywords?: readonly KeywordClass[];
  /** Most characters from a match's start to its keyword (default 100). */
  readonly reach?: number;
  extract(match: RegExpExecArray, context: ParsingContext): Candidate | readonly Candidate[] | null;
}

/** A refiner rewrites the candidate list after parsing (merges, filters, span adjustments). */
export interface Refiner {
  readonly name: string;
  refine(candidates: readonly Candidate[], context: ParsingContext): Candidate[];
}

/** The ordered rule set of a tagger. */
export interface Configuration {
  readonly parsers: readonly Parser[];
  readonly refiners: readonly Refiner[];
}
