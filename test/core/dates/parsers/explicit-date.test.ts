import { found } from '../tag-helper';

describe('explicit dates', () => {
  it.each([
    ['The treaty was signed on Aug. 7, 1998, in Nairobi.', '2000-01-01', 'Aug. 7, 1998', '1998-08-07'],
    ['It was founded March 5 1946 by veterans.', '2000-01-01', 'March 5 1946', '1946-03-05'],
    ['The editorial of Friday, Oct. 23 said so.', '1998-10-25', 'Friday, Oct. 23', '1998-10-23'],
    ['He arrived on 7 August 1998 in Dar es Salaam.', '2000-01-01', '7 August 1998', '1998-08-07'],
    ['The filing is dated 1998-08-07.', '2000-01-01', '1998-08-07', '1998-08-07'],
    ['The deadline is Sept 30 for all bids.', '1989-10-02', 'Sept 30', '1989-09-30'],
  ])('%s', (text, ref, expression, value) => {
    // Act
    const spans = found(text, ref);
    // Assess
    expect(spans).toContainEqual({ text: expression, type: 'DATE', value });
  });

  it.each([
    ['The boy must be returned by Jan. 14, officials said.', '2000-01-06', '2000-01-14'],
    ['The company said it had sold the unit on Oct. 23.', '1999-05-06', '1998-10-23'],
    ['The vote will take place on Feb. 10.', '1999-11-20', '2000-02-10'],
  ])('places a date without a year by tense and distance: %s', (text, ref, value) => {
    // Act
    const [span] = found(text, ref);
    // Assess
    expect(span?.value).toBe(value);
  });

  it('reads "April 24 and 25" as two days of the same month', () => {
    // Act
    const spans = found('The summit is on April 24 and 25.', '1999-02-10');
    // Assess
    expect(spans.map((s) => [s.text, s.value])).toEqual([
      ['April 24', '1999-04-24'],
      ['25', '1999-04-25'],
    ]);
  });

  it('rejects impossible days', () => {
    // Act
    const spans = found('It closed Feb. 30, 1999 and June 31.', '2000-01-01');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['1999']);
  });
});
