import { found } from '../tag-helper';

describe('quarters: negative cases', () => {
  it.each([
    ['a district', 'The French Quarter flooded.'],
    ['a share', 'A quarter of voters agreed.'],
    ['mercy', 'He gave no quarter.'],
    ['another district', 'The Latin Quarter is busy.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
