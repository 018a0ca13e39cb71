/** The four TimeML TIMEX3 types. */
export const DATE_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;

/** One of {@link DATE_TYPES}. */
export type DateType = (typeof DATE_TYPES)[number];

/** TimeML `mod` values (TIMEX3 attribute). */
export const DATE_MODS = [
  'BEFORE',
  'AFTER',
  'ON_OR_BEFORE',
  'ON_OR_AFTER',
  'LESS_THAN',
  'MORE_THAN',
  'EQUAL_OR_LESS',
  'EQUAL_OR_MORE',
  'START',
  'MID',
  'END',
  'APPROX',
] as const;

/** One of {@link DATE_MODS}. */
export type DateMod = (typeof DATE_MODS)[number];

/** A normalised temporal expression. Offsets are UTF-16 indices into the tagged text, end exclusive. */
export interface DateSpan {
  readonly text: string;
  readonly type: DateType;
  /** TimeML value: `2019-12-20`, `2019-W52`, `P2Y`, `PRESENT_REF`, `XXXX-12-25`, ... */
  readonly value: string;
  readonly mod?: DateMod;
  /** Frequency of a SET, e.g. `1X` in "twice a week" style expressions (TimeML `freq`). */
  readonly freq?: string;
  readonly start: number;
  readonly end: number;
  /** Name of the rule that produced the expression (for audits and debugging). */
  readonly rule: string;
}

/** What relative expressions are resolved against. */
export interface DateContext {
  /** Publication date of the text, `YYYY-MM-DD`. Relative expressions resolve against it. */
  readonly referenceDate: string;
  /**
   * BCP 47 locale of the article (`en-US`, `en-GB`), when known. It decides numeric dates whose day and month
   * could be swapped ("03/04/2024"); without it they keep only their year (`2024-XX-XX`).
   */
  readonly locale?: string;
}

/**
 * Finds and normalises temporal expressions. Deterministic; never reads the clock (the reference date is
 * passed in). Returned spans are sorted by start and do not overlap.
 */
export interface DateTagger {
  /** Identifies the tagger and its rule set; stored in every record. */
  readonly version: string;
  tag(text: string, context: DateContext): DateSpan[];
}
