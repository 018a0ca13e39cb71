import { found } from '../tag-helper';

describe('seasons: negative cases', () => {
  it.each([
    ['a movement', 'The Arab Spring began in Tunisia.'],
    ['a first name "Summer"', 'Summer Zervos sued him.'],
    ['a first name "Autumn"', 'Autumn Phillips attended.'],
    ['a band', 'Fall Out Boy played the arena.'],
    ['"spring" as water', 'Spring water is sold here.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
