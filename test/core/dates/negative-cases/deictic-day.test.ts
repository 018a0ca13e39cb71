import { found } from '../tag-helper';

describe('deictic days: negative cases', () => {
  it.each([
    ['a newspaper', 'USA Today reported the story.'],
    ['a TV show', 'The Today show aired.'],
    ['a theme park', 'Tomorrowland opens soon.'],
    ['a quoted programme title', 'King said so on NBC’s “Today” show.'],
    ['a quoted song title', 'They sang "Yesterday" at the concert.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });

  it('still reads a quotation that opens with the day word', () => {
    // Act
    const spans = found('“Today, we mourn,” the mayor said.', '2024-04-10');
    // Assess
    expect(spans).toEqual([{ text: 'Today', type: 'DATE', value: '2024-04-10' }]);
  });
});
