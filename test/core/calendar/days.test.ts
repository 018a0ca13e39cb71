import { daysInMonth, isCalendarDay } from '../../../lambdas/core/calendar/days';

describe('calendar days', () => {
  it.each([
    [2000, 2, 29],
    [1900, 2, 28],
    [2019, 2, 28],
    [2024, 2, 29],
    [2019, 4, 30],
    [2019, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    // Act
    const counted = daysInMonth(year, month);

    // Assess
    expect(counted).toBe(days);
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2019, 12, 31, true],
    [2019, 4, 31, false],
    [2019, 0, 10, false],
    [2019, 13, 1, false],
    [2019, 1, 0, false],
    [2019, 1.5, 1, false],
    [2019, 1, Number.NaN, false],
  ])('%i-%i-%i is a real day: %s', (year, month, day, real) => {
    // Act
    const valid = isCalendarDay(year, month, day);

    // Assess
    expect(valid).toBe(real);
  });
});
