import { found, noDatesIn } from '../tag-helper';

noDatesIn('deictic days', [
  ['a newspaper', 'USA Today reported the story.'],
  ['a TV show', 'The Today show aired.'],
  ['a theme park', 'Tomorrowland opens soon.'],
  ['a quoted programme title', 'King said so on NBC’s “Today” show.'],
  ['a quoted song title', 'They sang "Yesterday" at the concert.'],
]);

describe('deictic days', () => {
  it('still reads a quotation that opens with the day word', () => {
    // Act
    const spans = found('“Today, we mourn,” the mayor said.', '2024-04-10');
    // Assess
    expect(spans).toEqual([{ text: 'Today', type: 'DATE', value: '2024-04-10' }]);
  });
});
