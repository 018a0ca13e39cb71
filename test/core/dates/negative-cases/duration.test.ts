import { found } from '../tag-helper';

describe('durations: negative cases', () => {
  it.each([
    ['a hat size', 'He wore a 10-gallon hat.'],
    ['a distance', 'She ran the 100 meters.'],
    ['an ordinal "second"', 'A second person was hurt.'],
    ['a count of sides', 'The two sides met.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
