import { createDateTagger } from '../../../lambdas/core/dates';
import type { DateSpan } from '../../../lambdas/core/dates/types';

const tagger = createDateTagger();

/** A span reduced to what the tables compare. */
export interface Found {
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod?: string;
}

/** Tags a text with the production configuration. */
export function tag(text: string, referenceDate: string, locale?: string): DateSpan[] {
  return tagger.tag(text, locale === undefined ? { referenceDate } : { referenceDate, locale });
}

/** Tags a text and keeps text, type, value and mod of each span. */
export function found(text: string, referenceDate: string, locale?: string): Found[] {
  return tag(text, referenceDate, locale).map((s) => ({
    text: s.text,
    type: s.type,
    value: s.value,
    ...(s.mod === undefined ? {} : { mod: s.mod }),
  }));
}

/** The one span whose text is `expression`, or undefined. */
export function spanOf(text: string, referenceDate: string, expression: string): Found | undefined {
  return found(text, referenceDate).find((f) => f.text === expression);
}

/** A negative-case table: each `[what it is, text]` must yield no date span. */
export function noDatesIn(
  title: string,
  cases: readonly (readonly [string, string])[],
  referenceDate = '2024-04-10',
): void {
  describe(`${title}: negative cases`, () => {
    it.each(cases)('%s', (_, text) => {
      // Act
      const spans = found(text, referenceDate);
      // Assess
      expect(spans).toEqual([]);
    });
  });
}
