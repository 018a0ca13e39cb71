import { found, noDatesIn } from '../tag-helper';

noDatesIn('numeric dates', [
  ['a fraction', 'The recipe needs 1/2 cup of sugar.'],
  ['a score', 'The team won 3-1 at home.'],
  ['a ratio of two counts', 'The board split 13/14 on the motion.'],
  ['neither number a month', 'Serial 31/31/2024 was recalled.'],
  ['an impossible day', 'The form says 31/02/2024, a typo.'],
  ['dashes without a four-digit year', 'The Lakers won 12-10-98 in a strange tally.'],
  ['dots without a four-digit year', 'Version 3.10.12 was released.'],
  ['a date inside a longer number chain', 'The code 12/03/2024/7 is an index.'],
  ['a round-the-clock phrase', 'The shop is open 24/7 for customers.'],
]);

describe('numeric dates', () => {
  it.each(['en-US', 'en-GB', undefined])('never reads a swappable date by guess (%s)', (locale) => {
    // Act
    const spans = found('The deadline was 03/04/2024 for all bids.', '2024-04-10', locale);
    // Assess
    expect(spans.map((s) => s.value)).toEqual([
      locale === 'en-US' ? '2024-03-04' : locale === 'en-GB' ? '2024-04-03' : '2024-XX-XX',
    ]);
  });
});
