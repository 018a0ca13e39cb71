import { found } from '../tag-helper';

describe('ISO timestamps: negative cases', () => {
  it.each([
    ['an hour past 23', 'Logged 2023-10-02T25:30 in error.'],
    ['a minute past 59', 'Logged 2023-10-02T14:75 in error.'],
    ['an impossible day', 'Logged 2023-02-30T14:30 in error.'],
    ['a month past 12', 'Logged 2023-13-02 14:30 in error.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
