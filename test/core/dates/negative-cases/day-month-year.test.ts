import { found } from '../tag-helper';

describe('day-month dates: negative cases', () => {
  it.each([
    ['a list of numbers before a month', 'Items 1, 5 May be dropped.', []],
    ['a decimal before a month', 'The index rose 1.5 May futures points.', []],
    ['a lower-case month word', 'He ran 3 march laps.', []],
    ['a word that starts with a month name', 'Supporter 5 Maybe her generation will.', []],
  ])('%s', (_, text, expected) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual(expected);
  });

  it('does not take a weekday that ends the previous sentence', () => {
    // Act
    const spans = found('They met on Monday. 2 October 2023 was the deadline.', '2024-04-10');
    // Assess
    expect(spans.map((s) => s.text)).toEqual(['Monday', '2 October 2023']);
  });
});
