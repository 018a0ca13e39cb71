import { found } from '../tag-helper';

describe('holidays: negative cases', () => {
  it.each([
    ['a name', 'Mother Teresa was canonized.'],
    ['a personification', 'Mother Nature struck the coast.'],
    ['a holiday as a modifier', 'Kim promised a Christmas present to Washington.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
