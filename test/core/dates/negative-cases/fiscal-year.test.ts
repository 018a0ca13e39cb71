import { found } from '../tag-helper';

describe('fiscal years: negative cases', () => {
  it.each([
    ['a fiscal metaphor', 'The fiscal cliff loomed.'],
    ['an abbreviation alone', 'FY is an abbreviation.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
