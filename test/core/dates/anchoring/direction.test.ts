import {
  parseDirection,
  resolveQuarterYear,
  resolveWeekday,
  resolveYearOf,
} from '../../../../lambdas/core/dates/anchoring/direction';
import type { Tense } from '../../../../lambdas/core/dates/engine/candidate';

const FRIDAY = { year: 2019, month: 12, day: 20 };

describe('direction', () => {
  it.each([
    ['last', 'last'],
    ['previous', 'last'],
    ['coming', 'next'],
    ['following', 'next'],
    ['this', 'this'],
    ['early', undefined],
  ])('reads %s as %s', (word, expected) => {
    // Act / Assess
    expect(parseDirection(word)).toBe(expected);
  });

  it.each([
    [5, undefined, 'unknown', 20],
    [3, undefined, 'past', 18],
    [1, undefined, 'future', 23],
    [5, 'last', 'unknown', 13],
    [5, 'next', 'unknown', 27],
    [2, 'next', 'past', 24],
  ] as [number, 'last' | 'next' | undefined, Tense, number][])(
    'resolves weekday %i (direction %s, tense %s) from Friday 2019-12-20 to day %i',
    (dow, direction, tense, day) => {
      // Act
      const d = resolveWeekday(FRIDAY, dow, direction, tense);
      // Assess
      expect(d.day).toBe(day);
    },
  );

  it.each([
    [{ year: 2000, month: 1, day: 6 }, 1, 14, 'past', 2000],
    [{ year: 1990, month: 1, day: 20 }, 10, undefined, 'past', 1989],
    [{ year: 1989, month: 11, day: 2 }, 1, undefined, 'unknown', 1990],
    [{ year: 1989, month: 11, day: 2 }, 1, undefined, 'past', 1989],
    [{ year: 1999, month: 2, day: 10 }, 3, undefined, 'future', 1999],
    [{ year: 1999, month: 10, day: 1 }, 3, undefined, 'future', 2000],
    [{ year: 2019, month: 12, day: 20 }, 12, undefined, 'past', 2019],
    // A day just ahead in a past-tense sentence is a deadline; a month alone is what happened.
    [{ year: 2019, month: 12, day: 18 }, 2, 10, 'past', 2020],
    [{ year: 2019, month: 12, day: 18 }, 2, undefined, 'past', 2019],
    // A month alone in a future-tense sentence lies ahead; a named day just behind is a period just ended.
    [{ year: 2024, month: 3, day: 15 }, 2, undefined, 'future', 2025],
    [{ year: 2024, month: 3, day: 15 }, 2, 28, 'future', 2024],
  ] as const)('places month %i day %s (%s) in year %i', (ref, month, day, tense, year) => {
    // Act
    const y = resolveYearOf(ref, month, day, tense);
    // Assess
    expect(y).toBe(year);
  });

  it.each([
    [{ year: 1989, month: 10, day: 26 }, 3, 'past', 1989],
    [{ year: 1989, month: 10, day: 26 }, 4, 'unknown', 1989],
    [{ year: 1990, month: 2, day: 1 }, 4, 'past', 1989],
    [{ year: 1990, month: 2, day: 1 }, 4, 'future', 1990],
  ] as const)('places quarter %i (%s) in the right year', (ref, quarter, tense, year) => {
    // Act / Assess
    expect(resolveQuarterYear(ref, quarter, tense)).toBe(year);
  });
});
