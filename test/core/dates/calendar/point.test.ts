import {
  coarsen,
  formatPoint,
  isoWeek,
  mondayOfIsoWeek,
  type Point,
  seasonOf,
  shift,
  shiftBy,
} from '../../../../lambdas/core/dates/calendar/point';

describe('calendar points', () => {
  it.each([
    [{ grain: 'day', year: 2019, month: 12, day: 20 }, '2019-12-20'],
    [{ grain: 'week', year: 2019, week: 2 }, '2019-W02'],
    [{ grain: 'month', year: 1989, month: 9 }, '1989-09'],
    [{ grain: 'quarter', year: 2019, quarter: 4 }, '2019-Q4'],
    [{ grain: 'half', year: 1990, half: 1 }, '1990-H1'],
    [{ grain: 'season', year: 2019, season: 'WI' }, '2019-WI'],
    [{ grain: 'year', year: 850 }, '0850'],
    [{ grain: 'decade', decade: 199 }, '199'],
  ] as [Point, string][])('formats %j as %s', (point, expected) => {
    // Act
    const value = formatPoint(point);
    // Assess
    expect(value).toBe(expected);
  });

  it.each([
    ['2019-12-20', 2019, 51],
    ['2019-12-30', 2020, 1],
    ['2021-01-03', 2020, 53],
    ['1998-01-01', 1998, 1],
    ['2000-01-07', 2000, 1],
  ])('puts %s in ISO week %i-W%i', (iso, year, week) => {
    // Prepare
    const [y, m, d] = iso.split('-').map(Number);
    // Act
    const w = isoWeek({ year: y ?? 0, month: m ?? 0, day: d ?? 0 });
    // Assess
    expect(w).toEqual({ year, week });
  });

  it('finds the Monday of an ISO week', () => {
    // Act
    const monday = mondayOfIsoWeek(2020, 1);
    // Assess
    expect(monday).toEqual({ year: 2019, month: 12, day: 30 });
  });

  it.each([
    [{ grain: 'month', year: 2019, month: 12 }, 1, '2020-01'],
    [{ grain: 'quarter', year: 2019, quarter: 1 }, -1, '2018-Q4'],
    [{ grain: 'week', year: 2019, week: 52 }, 1, '2020-W01'],
    [{ grain: 'season', year: 2019, season: 'SP' }, -1, '2018-WI'],
    [{ grain: 'day', year: 2000, month: 2, day: 28 }, 1, '2000-02-29'],
  ] as [Point, number, string][])('shifts %j by %i', (point, n, expected) => {
    // Act
    const moved = shift(point, n);
    // Assess
    expect(formatPoint(moved)).toBe(expected);
  });

  it.each([
    [{ grain: 'quarter', year: 1989, quarter: 3 }, 'year', -1, '1988-Q3'],
    [{ grain: 'day', year: 2000, month: 2, day: 29 }, 'year', -1, '1999-02-28'],
    [{ grain: 'day', year: 2019, month: 3, day: 31 }, 'month', -1, '2019-02-28'],
    [{ grain: 'day', year: 2019, month: 12, day: 20 }, 'week', -2, '2019-12-06'],
  ] as [Point, 'year' | 'month' | 'week', number, string][])(
    'shifts %j by %i %s keeping its grain',
    (p, unit, n, expected) => {
      // Act
      const moved = shiftBy(p, unit, n);
      // Assess
      expect(formatPoint(moved)).toBe(expected);
    },
  );

  it.each([
    ['week', '2019-W51'],
    ['month', '2019-12'],
    ['quarter', '2019-Q4'],
    ['half', '2019-H2'],
    ['season', '2019-WI'],
    ['year', '2019'],
    ['decade', '201'],
  ] as const)('coarsens a day to its %s', (grain, expected) => {
    // Prepare
    const day: Point = { grain: 'day', year: 2019, month: 12, day: 20 };
    // Act
    const coarse = coarsen(day, grain);
    // Assess
    expect(formatPoint(coarse)).toBe(expected);
  });

  it('counts winter in the year of its December', () => {
    // Act
    const january = seasonOf(2020, 1);
    // Assess
    expect(january).toEqual({ year: 2019, season: 'WI' });
  });
});
