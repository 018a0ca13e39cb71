import { found } from '../tag-helper';

describe('holidays', () => {
  it.each([
    ['Stores were busy on Thanksgiving Day.', '1999-12-01', 'Thanksgiving Day', '1999-11-25'],
    ['Voters go to the polls on Election Day.', '1998-10-26', 'Election Day', '1998-11-03'],
    ['The pope will speak at Easter.', '2000-04-01', 'Easter', '2000-04-23'],
    ['The truce began on Christmas Day.', '2000-01-10', 'Christmas Day', '1999-12-25'],
  ])('%s', (text, ref, expression, value) => {
    // Act
    const spans = found(text, ref);
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });
});
