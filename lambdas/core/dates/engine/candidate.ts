import type { Point } from '../calendar/point';
import type { CalendarDay } from '../reference-date';
import type { DateMod, DateType } from '../types';

/** Which way an expression without an explicit direction points, judged from its sentence. */
export type Tense = 'past' | 'present' | 'future' | 'unknown';

/** What a candidate is resolved against, in document order. */
export interface ResolutionEnv {
  /** The publication date. */
  readonly reference: CalendarDay;
  /** The most recent date-like value mentioned before the candidate (explicit dates, weekdays, quarters). */
  readonly anchor: Point | undefined;
  /** The most recent quarter or half mentioned before the candidate (earnings stories compare against it). */
  readonly quarterAnchor: Point | undefined;
  /** Tense of the candidate's sentence. */
  readonly tense: Tense;
}

/** A resolved TimeML value; `point` is set when the value is a calendar point that may anchor later ones. */
export interface Resolution {
  readonly value: string;
  readonly point?: Point;
  /** False for values that must not anchor later expressions (e.g. "a year ago"). Default true. */
  readonly anchors?: boolean;
  readonly type?: DateType;
  readonly mod?: DateMod;
}

/** A temporal expression found by a parser, before refiners and anchoring ran. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: DateType;
  readonly rule: string;
  readonly mod?: DateMod;
  readonly freq?: string;
  /** Produces the value; null drops the candidate. Called once, in document order. */
  readonly resolve: (env: ResolutionEnv) => Resolution | null;
}

/** A resolution for a fixed value. */
export function fixed(value: string, point?: Point): (env: ResolutionEnv) => Resolution {
  const resolution: Resolution = point === undefined ? { value } : { value, point };
  return () => resolution;
}
