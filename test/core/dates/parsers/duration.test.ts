import { found } from '../tag-helper';

describe('durations', () => {
  it.each([
    ['The talks lasted two years.', 'two years', 'P2Y'],
    ['No breakthrough came in the past two years.', 'the past two years', 'P2Y'],
    ['The flight took 16 hours.', '16 hours', 'PT16H'],
    ['She spent 5 1/2 hours in Nairobi.', '5 1/2 hours', 'PT5H30M'],
    ['It was a two-year study.', 'two-year', 'P2Y'],
    ['A 16-hour flight.', '16-hour', 'PT16H'],
    ['A day-long meeting.', 'day-long', 'P1D'],
    ['They talked for several months.', 'several months', 'PXM'],
    ['It has been troubled for years.', 'years', 'PXY'],
    ['Prices fell in recent weeks.', 'recent weeks', 'PXW'],
    ['The past decade was hard.', 'The past decade', 'P10Y'],
    ['Bonds mature in 30 years.', '30 years', 'P30Y'],
    ['It takes eight trading days.', 'eight trading days', 'P8D'],
    ['The siege lasted 1,500 days.', '1,500 days', 'P1500D'],
    ['A 2,000-year history.', '2,000-year', 'P2000Y'],
    ['A decades-long battle.', 'decades-long', 'PXDE'],
    ['They will live without it for a while.', 'a while', 'PXX'],
    ['The meeting lasted half an hour.', 'half an hour', 'PT30M'],
    ['The strike lasted two and a half years.', 'two and a half years', 'P30M'],
    ['Flights were halted for 3 and a half hours.', '3 and a half hours', 'PT3H30M'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1998-01-01');
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DURATION', value }]);
  });

  it.each([
    ['It lasted more than four hours.', 'more than four hours', 'MORE_THAN'],
    ['It will last at least 72 hours.', 'at least 72 hours', 'EQUAL_OR_MORE'],
    ['Sites open for no more than sixty days.', 'no more than sixty days', 'EQUAL_OR_LESS'],
    ['It took about two weeks.', 'two weeks', 'APPROX'],
    ['It took nearly five months.', 'nearly five months', 'LESS_THAN'],
    ['It was over within 14 days.', '14 days', 'EQUAL_OR_LESS'],
    ['It took two to three weeks.', 'two to three weeks', 'EQUAL_OR_MORE'],
    // A thousands separator in the upper bound; the range is read whatever else the text holds.
    ['The ice formed over 500 to 1,000 years.', '500 to 1,000 years', 'EQUAL_OR_MORE'],
    ['Talks may last the next two years or so.', 'the next two years or so', 'APPROX'],
  ])('bounds: %s', (text, expression, mod) => {
    // Act
    const [span] = found(text, '1998-01-01');
    // Assess
    expect([span?.text, span?.mod]).toEqual([expression, mod]);
  });
});
