import { found } from '../tag-helper';

describe('month names: negative cases', () => {
  it.each([
    ['a first name "April"', 'April Ryan asked the question.'],
    ['a first name "June"', 'June Carter sang the final song.'],
    ['a first name "Jan"', 'Jan Kavan spoke to reporters.'],
    ['"may" as a modal', 'Officials may decide soon.'],
    ['"march" as a verb', 'Troops will march to the border.'],
    ['a city "Augusta"', 'Augusta hosted the Masters.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
