import type { DateMod, DateType } from '../types';
import type { Candidate, Resolution, ResolutionEnv } from './candidate';

/** Builds a candidate from a match group span. */
export function candidate(
  rule: string,
  start: number,
  end: number,
  type: DateType,
  resolve: (env: ResolutionEnv) => Resolution | null,
  extra: { mod?: DateMod | undefined; freq?: string | undefined } = {},
): Candidate {
  return {
    rule,
    start,
    end,
    type,
    resolve,
    ...(extra.mod === undefined ? {} : { mod: extra.mod }),
    ...(extra.freq === undefined ? {} : { freq: extra.freq }),
  };
}

/** Copies a candidate with some fields replaced (`mod: undefined` removes the mod). */
export function withChanges(
  c: Candidate,
  changes: Partial<Omit<Candidate, 'mod'>> & { mod?: DateMod | undefined },
): Candidate {
  const { mod, ...rest } = { ...c, ...changes };
  return mod === undefined ? rest : { ...rest, mod };
}

/** True when a word starts with an upper-case letter (months and weekdays must, in running news text). */
export function isCapitalized(word: string): boolean {
  const c = word[0] ?? '';
  return c !== c.toLowerCase();
}

/**
 * True for a capitalised phrase in mid-sentence whose every word is capitalised ("This Week", "VOA Today"):
 * programme and publication titles, not dates. Sentence starts and all-capital headlines are not titles.
 */
export function isTitle(phrase: string, index: number, text: string): boolean {
  const words = phrase.split(/\s+/);
  if (!words.every(isCapitalized) || phrase === phrase.toUpperCase()) return false;
  const before = text.slice(Math.max(0, index - 3), index);
  if (index === 0 || /(?:^|[.!?:]\s*|\n\s*|[.!?]["'`]+\s*)$/.test(before)) return false;
  // A single word after an opening quote starts a quoted sentence ("Today, ..."); a name before it is a title.
  if (words.length === 1) return /[A-Z][\w.]*\s+$/.test(text.slice(Math.max(0, index - 20), index));
  return true;
}
