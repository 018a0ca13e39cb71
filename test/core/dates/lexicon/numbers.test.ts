import { parseNumber, parseOrdinal } from '../../../../lambdas/core/dates/lexicon/numbers';
import { parseSpelledYear } from '../../../../lambdas/core/dates/lexicon/spelled-years';

describe('number words', () => {
  it.each([
    ['two', 2],
    ['Twenty-four', 24],
    ['twenty four', 24],
    ['a', 1],
    ['a couple of', 2],
    ['several', 'X'],
    ['a few', 'X'],
    ['5 1/2', 5.5],
    ['14', 14],
    ['2,000', 2000],
    ['ninety-nine', 99],
    ['twenty-ten', null],
  ])('reads %j as %j', (raw, expected) => {
    // Act / Assess
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each([
    ['third', 3],
    ['4th', 4],
    ['fifth', 5],
    ['next', null],
  ])('reads ordinal %j as %j', (raw, expected) => {
    // Act / Assess
    expect(parseOrdinal(raw)).toBe(expected);
  });

  it.each([
    ['nineteen ninety-six', 1996],
    ['nineteen eighty', 1980],
    ['two thousand', 2000],
    ['two thousand and one', 2001],
    ['nineteen oh five', 1905],
  ])('reads year %j as %i', (raw, expected) => {
    // Act / Assess
    expect(parseSpelledYear(raw)).toBe(expected);
  });
});
