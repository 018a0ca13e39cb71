import { found } from '../tag-helper';

describe('quarters and halves', () => {
  it.each([
    ['Net fell in the third quarter.', 'the third quarter', '1989-Q3'],
    ['Third-quarter profit rose.', 'Third-quarter', '1989-Q3'],
    ['Sales rose in the fourth quarter of 1990.', 'the fourth quarter of 1990', '1990-Q4'],
    ['The 1988 second quarter was weak.', 'The 1988 second quarter', '1988-Q2'],
    ["Last year's fourth quarter was weak.", "Last year's fourth quarter", '1988-Q4'],
    ['Profit in the first half rose.', 'the first half', '1989-H1'],
    ['Sales in the current quarter will fall.', 'the current quarter', '1989-Q4'],
    // Named by the month they end in.
    ['Output fell in the September quarter.', 'the September quarter', '1989-Q3'],
    ['Output fell in the December quarter of 1988.', 'the December quarter of 1988', '1988-Q4'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1989-10-26');
    // Assess
    expect(spans.map((s) => [s.text, s.value])).toContainEqual([expression, value]);
  });

  it.each([
    ['Revenue rose in Q3.', 'Q3', '2019-Q3'],
    ['Q4 2018 was strong.', 'Q4 2018', '2018-Q4'],
    ['Sales in H1 2020 will grow.', 'H1 2020', '2020-H1'],
    ['FY2019 sales fell.', 'FY2019', '2019'],
  ])('reads the shorthand in %j', (text, expression, value) => {
    // Act
    const spans = found(text, '2019-12-20');
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });

  it.each([
    ['In the quarter ended July 31, the company had 5.6 million shares.', '1989-10-30', '1989-Q2'],
    ['Sales rose in the quarter ended Sept. 30.', '1989-11-02', '1989-Q3'],
    ['Sales rose in the quarter ended June 30.', '1989-11-02', '1989-Q2'],
    ['It lost money for the quarter ending Dec. 31, 2019.', '2020-02-11', '2019-Q4'],
    ['The quarter ending March 31 will be weak.', '2019-12-20', '2020-Q1'],
  ])('reads the quarter %j by its last day', (text, published, value) => {
    // Act
    const spans = found(text, published);
    // Assess
    expect(spans.map((s) => s.value)).toContain(value);
  });

  it('keeps the quarter the story already numbered when a last day follows', () => {
    // Prepare: a fiscal numbering ("fiscal first quarter") names the quarter under discussion.
    const text = 'Profit rose in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.';
    // Act
    const spans = found(text, '1989-10-26');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1989-Q1', '1989-Q1', '1989-09-29']);
  });

  it('reads "the quarter" as the one under discussion', () => {
    // Act
    const spans = found('In the second quarter, sales rose. Costs in the quarter fell.', '1989-10-26');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1989-Q2', '1989-Q2']);
  });

  it('reads "the year-ago quarter" as the same quarter a year before', () => {
    // Act
    const spans = found('Net rose in the third quarter, up from the year-ago quarter.', '1989-10-26');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1989-Q3', '1988-Q3']);
  });

  it('reads "the year-ago third quarter" as the same quarter a year before', () => {
    // Act
    const spans = found('National earned $22 million in the year-ago third quarter.', '1989-10-26');
    // Assess
    expect(spans).toEqual([{ text: 'the year-ago third quarter', type: 'DATE', value: '1988-Q3' }]);
  });

  it('does not compare with a forecast quarter', () => {
    // Act
    const spans = found(
      'Mills will lose money through the third quarter of 1990. In the year-ago period, it earned more.',
      '1989-10-26',
    );
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1990-Q3', '1988-Q3']);
  });

  it('reads "the latest quarter" as the last one that ended without context', () => {
    // Act
    const spans = found('Sales in the latest quarter rose.', '1989-10-26');
    // Assess
    expect(spans).toEqual([{ text: 'the latest quarter', type: 'DATE', value: '1989-Q3' }]);
  });
});
