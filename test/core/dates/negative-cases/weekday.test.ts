import { found } from '../tag-helper';

describe('weekdays: negative cases', () => {
  it.each([
    ['a shopping day', 'Shops cut prices on Cyber Monday.'],
    ['a church day', 'Ash Wednesday services drew crowds.'],
    ['a market crash', 'Traders still talk about Black Monday.'],
    ['a primary day', 'Candidates prepared for Super Tuesday.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
