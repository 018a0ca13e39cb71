import {
  CAPITALISED_MONTH_PATTERN,
  MONTH_BEFORE_DAY_SOURCE,
  MONTH_PATTERN,
  MONTH_SOURCE,
  parseMonth,
} from '../../../lambdas/core/calendar/months';

describe('month words', () => {
  it.each([
    ['January', 1],
    ['jan', 1],
    ['Jan.', 1],
    ['FEB', 2],
    ['May', 5],
    ['june', 6],
    ['Sept.', 9],
    ['sep', 9],
    ['September', 9],
    ['dec.', 12],
    ['decade', 0],
    ['mayor', 0],
    ['', 0],
  ])('parseMonth(%j) is %i', (word, month) => {
    // Act
    const parsed = parseMonth(word);

    // Assess
    expect(parsed).toBe(month);
  });

  it.each([
    [MONTH_PATTERN, 'i', ['December', 'dec', 'Dec.', 'SEPT', 'may'], ['Decem', 'mayor']],
    [
      CAPITALISED_MONTH_PATTERN,
      '',
      ['December', 'Dec.', 'DEC', 'JUNE', 'Sept'],
      ['december', 'dec', 'DECEMBER'],
    ],
    [MONTH_SOURCE, 'i', ['December', 'Sept.', 'aug.'], ['Aug', 'sept']],
  ])('%s matches whole words it should and no others', (source, flags, words, others) => {
    // Prepare
    const whole = new RegExp(`^${source}$`, flags);

    // Act
    const matched = [...words, ...others].filter((word) => whole.test(word));

    // Assess
    expect(matched).toEqual(words);
  });

  it('takes a periodless abbreviation only before a day number', () => {
    // Prepare
    const pattern = new RegExp(`\\b${MONTH_BEFORE_DAY_SOURCE}`, 'i');

    // Act
    const matches = ['Aug 7', 'Aug is', 'August is'].map((text) => pattern.exec(text)?.[0] ?? null);

    // Assess
    expect(matches).toEqual(['Aug', null, 'August']);
  });

  it('gives every month a number', () => {
    // Prepare
    const whole = new RegExp(`^${MONTH_PATTERN}$`, 'i');
    const words = [
      'january',
      'feb',
      'mar.',
      'april',
      'may',
      'jun',
      'jul.',
      'aug',
      'sept',
      'oct',
      'nov',
      'dec',
    ];

    // Act
    const numbers = words.filter((word) => whole.test(word)).map(parseMonth);

    // Assess
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
