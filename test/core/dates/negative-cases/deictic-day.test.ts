import { found } from '../tag-helper';

describe('deictic days: negative cases', () => {
  it.each([
    ['a newspaper', 'USA Today reported the story.'],
    ['a TV show', 'The Today show aired.'],
    ['a theme park', 'Tomorrowland opens soon.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
