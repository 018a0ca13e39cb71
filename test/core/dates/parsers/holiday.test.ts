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

  // Years that a wrong sign in the Easter computation gets wrong (2016, 2021, 2024, 2027) and years it gets right.
  it.each([
    ['1998', '1998-04-12'],
    ['2016', '2016-03-27'],
    ['2019', '2019-04-21'],
    ['2021', '2021-04-04'],
    ['2024', '2024-03-31'],
    ['2027', '2027-03-28'],
    ['2038', '2038-04-25'],
  ])('puts Easter Sunday %s on %s', (year, value) => {
    // Act
    const spans = found('Churches will be full on Easter Sunday.', `${year}-01-02`);
    // Assess
    expect(spans).toEqual([{ text: 'Easter Sunday', type: 'DATE', value }]);
  });

  it('puts Good Friday two days before Easter', () => {
    // Act
    const spans = found('Markets will close on Good Friday.', '2024-01-02');
    // Assess
    expect(spans).toEqual([{ text: 'Good Friday', type: 'DATE', value: '2024-03-29' }]);
  });
});
