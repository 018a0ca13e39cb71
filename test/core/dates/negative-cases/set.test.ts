import { found } from '../tag-helper';

describe('sets: negative cases', () => {
  it.each([
    ['a TV show', 'The Daily Show aired.'],
    ['a magazine', 'The Weekly Standard closed.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
