import { found } from '../tag-helper';

describe('years, decades and centuries', () => {
  it.each([
    ['Profits doubled in 1993.', '1993', '1993'],
    ['Earnings for fiscal 1989 rose.', 'fiscal 1989', '1989'],
    ['The bug hit computers in the year 2000.', 'the year 2000', '2000'],
    ['He was born in nineteen ninety-six.', 'nineteen ninety-six', '1996'],
    ['It began in January nineteen ninety-seven.', 'January nineteen ninety-seven', '1997-01'],
    ['Prices soared in the 1990s.', '1990s', '199'],
    ["Prices soared in the '80s.", "the '80s", '198'],
    ['Prices soared in the early 2000s.', 'the early 2000s', '200'],
    ['The mills date back to the 1800s.', '1800s', '18'],
    ['Lynchings spread in the early 1900s.', 'the early 1900s', '19'],
    ['The economy grew in the last decade.', 'the last decade', '198'],
    ['It is the worst flood this century.', 'this century', '19'],
    ['Prices soared in the nineties.', 'the nineties', '199'],
    ['It was the worst war of the 20th century.', 'the 20th century', '19'],
    ['Exports grew after the mid-1990 slump.', 'mid-1990', '1990'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1999-06-01');
    // Assess
    expect(spans.map((s) => [s.text, s.value])).toContainEqual([expression, value]);
  });

  it('reads "the 1988 period" as the quarter under discussion', () => {
    // Act
    const spans = found('Net rose in the third quarter from $2 million in the 1988 period.', '1989-10-26');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1989-Q3', '1988-Q3']);
  });
});
