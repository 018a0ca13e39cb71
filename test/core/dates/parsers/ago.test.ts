import { found } from '../tag-helper';

describe('offsets: ago, earlier, later', () => {
  it.each([
    ['It was founded a year ago.', 'a year ago', '2018'],
    ['He left two weeks ago.', 'two weeks ago', '2019-W49'],
    ['The deal closed 10 days ago.', '10 days ago', '2019-12-10'],
    ['Prices peaked five months ago.', 'five months ago', '2019-07'],
    ['It began several years ago.', 'several years ago', 'PAST_REF'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '2019-12-20');
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });

  it('counts "later" from the date the story is at', () => {
    // Act
    const spans = found('The ship docked on March 3, 1998. Two days later it sailed.', '1998-04-01');
    // Assess
    expect(spans.map((s) => [s.text, s.value])).toEqual([
      ['March 3, 1998', '1998-03-03'],
      ['Two days later', '1998-03-05'],
    ]);
  });

  it('compares "a year earlier" with the quarter under discussion', () => {
    // Act
    const spans = found(
      'Third-quarter profit rose to $5 million from $4 million a year earlier.',
      '1989-10-26',
    );
    // Assess
    expect(spans.map((s) => [s.text, s.value])).toEqual([
      ['Third-quarter', '1989-Q3'],
      ['a year earlier', '1988-Q3'],
    ]);
  });

  it('keeps a hedge before "ago" in the span', () => {
    // Act
    const spans = found('The war ended almost four years ago.', '1999-03-12');
    // Assess
    expect(spans).toEqual([{ text: 'almost four years ago', type: 'DATE', value: '1995', mod: 'APPROX' }]);
  });
});
