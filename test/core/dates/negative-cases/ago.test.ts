import { found } from '../tag-helper';

describe('"ago" phrases: negative cases', () => {
  it.each([
    ['a song title', 'The song "Years Ago" charted.'],
    ['a decade after an untold event', 'Nearly three decades later, the case was reopened.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
