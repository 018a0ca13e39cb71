import { found } from '../tag-helper';

describe('reference words: negative cases', () => {
  it.each([
    ['a grammar term', 'The present tense is hard.'],
    ['plural currents', 'The currents were strong.'],
    ['a magazine', 'The Present Tense magazine closed.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
