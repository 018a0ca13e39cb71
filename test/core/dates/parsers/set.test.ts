import { tag } from '../tag-helper';

describe('sets', () => {
  it.each([
    ['Rallies are held daily.', 'daily', 'P1D', undefined],
    ['He prays every day.', 'every day', 'P1D', '1X'],
    ['It is held each July.', 'each July', 'XXXX-07', '1X'],
    ['They meet every Sunday.', 'every Sunday', 'XXXX-WXX-7', '1X'],
    ['Dividends are paid annually.', 'annually', 'P1Y', undefined],
    ['It costs $2 million a year.', 'a year', 'P1Y', undefined],
    ['The board meets twice a week.', 'twice a week', 'P1W', '2X'],
    ['He spoke in his weekly radio address.', 'weekly', 'P1W', undefined],
    ['Shops close on Sundays.', 'Sundays', 'XXXX-WXX-7', undefined],
  ])('%s', (text, expression, value, freq) => {
    // Act
    const [span] = tag(text, '1998-01-01');
    // Assess
    expect([span?.text, span?.type, span?.value, span?.freq]).toEqual([expression, 'SET', value, freq]);
  });
});
