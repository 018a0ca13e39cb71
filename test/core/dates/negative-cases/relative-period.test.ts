import { found } from '../tag-helper';

describe('relative periods: negative cases', () => {
  it.each([
    ['a generation', 'The next generation of phones arrived.'],
    ['an idiom', 'He said this is the last straw.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
