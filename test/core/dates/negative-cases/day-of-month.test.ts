import { found } from '../tag-helper';

describe('days of the month: negative cases', () => {
  it.each([
    ['a place in a race', 'He finished 14th in the race.'],
    ['a street', 'She lives on 42nd Street.'],
    ['a military unit', 'The 3rd Infantry Division deployed.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
