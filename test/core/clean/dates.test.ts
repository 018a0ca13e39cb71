import { parsePublicationDate } from '../../../lambdas/core/clean/dates/parse-date';
import { isUsDaylightTime } from '../../../lambdas/core/clean/dates/time-zones';

describe('parsePublicationDate', () => {
  it.each([
    ['2019-12-20', '2019-12-20'],
    ['2019-12-20T08:15:00Z', '2019-12-20T08:15:00Z'],
    ['2019-12-20T08:15:00.123+0900', '2019-12-20T08:15:00+09:00'],
    ['2019-12-20 08:15', '2019-12-20T08:15:00'],
    ['October 30, 1989 10:42 AM ET', '1989-10-30T10:42:00-05:00'],
    ['Oct. 30, 1989 10:42 a.m. ET', '1989-10-30T10:42:00-05:00'],
    ['June 15, 2020 10:42 AM ET', '2020-06-15T10:42:00-04:00'],
    ['July 4, 2019 3 PM EDT', '2019-07-04T15:00:00-04:00'],
    ['Fri 20 Dec 2019 08:15 GMT', '2019-12-20T08:15:00Z'],
    ['Sun, 20 Dec 2019 08:15:00 +0000', '2019-12-20T08:15:00+00:00'],
    ['December 20, 2019 8:15 AM GMT+9', '2019-12-20T08:15:00+09:00'],
    ['Friday, December 20, 2019', '2019-12-20'],
    ['20 December 2019', '2019-12-20'],
    ['20.12.2019', '2019-12-20'],
    ['13/04/2019', '2019-04-13'],
    ['04/13/2019', '2019-04-13'],
    ['October 30, 1989 at 10:42', '1989-10-30T10:42:00'],
    ['12:30 PM CET, 1 March 2021', '2021-03-01T12:30:00+01:00'],
  ])('reads %j as %j', (input, expected) => {
    // Prepare: a header value as printed by a news site.
    // Act
    const parsed = parsePublicationDate(input);
    // Assess
    expect(parsed).toBe(expected);
  });

  it.each([
    ['an ambiguous slashed date', '03/04/2019'],
    ['an impossible day', '2019-02-30'],
    ['a date inside a sentence', 'He said on October 30, 1989 that'],
    ['a date without a year', 'Updated October 30'],
    ['an implausible year', '0019-12-20'],
    ['an hour out of range', '2019-12-20T25:00:00'],
  ])('refuses %s', (_name, input) => {
    // Prepare: nothing beyond the string.
    // Act
    const parsed = parsePublicationDate(input);
    // Assess
    expect(parsed).toBeUndefined();
  });
});

describe('isUsDaylightTime', () => {
  it.each([
    ['the day after DST ended in 1989', [1989, 10, 30, 10], false],
    ['summer 1989', [1989, 7, 1, 12], true],
    ['early April 2006 (old rules: first Sunday of April)', [2006, 4, 1, 12], false],
    ['mid-March 2007 (new rules: second Sunday of March)', [2007, 3, 12, 12], true],
    ['just before the spring change, 2019', [2019, 3, 10, 1], false],
    ['just after the spring change, 2019', [2019, 3, 10, 3], true],
    ['early November 2019 before the change', [2019, 11, 3, 1], true],
    ['after the autumn change, 2019', [2019, 11, 3, 3], false],
  ])('%s', (_name, [year, month, day, hour], expected) => {
    // Prepare: a local US time.
    // Act
    const dst = isUsDaylightTime(year!, month!, day!, hour!);
    // Assess
    expect(dst).toBe(expected);
  });
});
