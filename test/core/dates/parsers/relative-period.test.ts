import { found, spanOf } from '../tag-helper';

describe('periods relative to publication', () => {
  it.each([
    ['this week', '2019-W51'],
    ['next week', '2019-W52'],
    ['last week', '2019-W50'],
    ['last month', '2019-11'],
    ['this month', '2019-12'],
    ['next year', '2020'],
    ['last year', '2018'],
    ['the past year', '2018'],
    ['the previous quarter', '2019-Q3'],
    ['this quarter', '2019-Q4'],
    ['last fall', '2019-FA'],
    ['this winter', '2019-WI'],
    ['next summer', '2020-SU'],
    ['this weekend', '2019-W51-WE'],
  ])('reads "%s" against Friday 2019-12-20 as %s', (expression, value) => {
    // Act
    const span = spanOf(`Officials spoke about ${expression} again.`, '2019-12-20', expression);
    // Assess
    expect(span?.value).toBe(value);
  });

  it.each([
    ['this week', '2019-W52'],
    ['last week', '2019-W51'],
    ['next week', '2020-W01'],
    ['early this week', '2019-W52'],
    ['the end of the week', '2019-W52'],
  ])('reads "%s" against Sunday 2019-12-22 as %s: a Sunday opens the news week', (expression, value) => {
    // Act
    const span = spanOf(`Officials spoke about ${expression} again.`, '2019-12-22', expression);
    // Assess
    expect(span?.value).toBe(value);
  });

  it.each([
    ['the end of the year', '2019', 'END'],
    ['the beginning of the week', '2019-W51', 'START'],
    ['early this week', '2019-W51', 'START'],
    ['late last year', '2018', 'END'],
    ['year-end', '2019', 'END'],
  ])('reads "%s" as %s with mod %s', (expression, value, mod) => {
    // Act
    const span = spanOf(`They met ${expression} to talk.`, '2019-12-20', expression);
    // Assess
    expect(span).toEqual({ text: expression, type: 'DATE', value, mod });
  });

  it('leaves "earlier" out of "earlier this month", as news annotation does', () => {
    // Act
    const spans = found('The letter was sent earlier this month.', '2019-12-20');
    // Assess
    expect(spans).toEqual([{ text: 'this month', type: 'DATE', value: '2019-12' }]);
  });

  it('takes "over the weekend" in a past-tense Monday story as the weekend before', () => {
    // Act
    const spans = found('Pentagon officials confirmed the reports over the weekend.', '1990-08-13');
    // Assess
    expect(spans).toEqual([{ text: 'the weekend', type: 'DATE', value: '1990-W32-WE' }]);
  });

  it.each([
    ['For the week, the index dropped 3.8%.', 'the week', 'DATE', '1989-W44'],
    ['For the year, volume was flat.', 'the year', 'DATE', '1989'],
    ['Sales for the full year rose.', 'the full year', 'DATE', '1989'],
    ['Profit in the fiscal year ended June 30 fell.', 'the fiscal year', 'DURATION', 'P1Y'],
  ])('reads reporting years: %s', (text, expression, type, value) => {
    // Act
    const spans = found(text, '1989-11-02');
    // Assess
    expect(spans).toContainEqual({ text: expression, type, value });
  });
});
