import { found, spanOf } from '../tag-helper';

describe('month names', () => {
  it.each([
    ['Sales rose in October, the company said.', '1999-01-20', 'October', '1998-10'],
    ['Elections are planned for next March.', '1999-11-01', 'next March', '2000-03'],
    ['The strike began last May and ended quickly.', '1998-02-01', 'last May', '1997-05'],
    ['The vote is due in April next year.', '1998-11-01', 'April next year', '1999-04'],
    ['The plant opened in July 1997.', '1999-01-01', 'July 1997', '1997-07'],
    ['He retired in January of 1998.', '1999-01-01', 'January of 1998', '1998-01'],
    // A deadline lies ahead, unless the sentence looks back.
    ['The budget runs through September.', '2024-03-15', 'September', '2024-09'],
    ['The talks lasted until September.', '2024-03-15', 'September', '2023-09'],
    ['They will resume in February.', '2024-03-15', 'February', '2025-02'],
    ['Talks begin in June.', '2019-12-20', 'June', '2020-06'],
    ['The March accession will enable them to vote.', '1999-02-10', 'March', '1999-03'],
  ])('%s', (text, ref, expression, value) => {
    // Act
    const span = spanOf(text, ref, expression);
    // Assess
    expect(span).toEqual({ text: expression, type: 'DATE', value });
  });

  it('keeps "early" inside the span as a START mod', () => {
    // Act
    const spans = found('The report came out in early December.', '2019-12-20');
    // Assess
    expect(spans).toEqual([{ text: 'early December', type: 'DATE', value: '2019-12', mod: 'START' }]);
  });

  it.each([
    ['late November', 'END'],
    ['mid-March', 'MID'],
    ['the end of November', 'END'],
  ])('reads %s with mod %s', (expression, mod) => {
    // Act
    const span = spanOf(`It happened in ${expression}.`, '1999-12-10', expression);
    // Assess
    expect(span?.mod).toBe(mod);
  });
});
