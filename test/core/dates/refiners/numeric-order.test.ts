import { found } from '../tag-helper';

describe('numeric-order refiner: an article writes its numeric dates one way', () => {
  it.each([
    [
      'day first, told by a day over 12',
      'Bids opened on 31/03/2024 and closed on 03/04/2024.',
      undefined,
      ['2024-03-31', '2024-04-03'],
    ],
    [
      'month first, told by a day over 12',
      'Bids opened on 3/31/2024 and closed on 04/03/2024.',
      undefined,
      ['2024-03-31', '2024-04-03'],
    ],
    [
      'the article over a declared locale',
      'Filed 25/12/2023; amended 01/02/2024.',
      'en-US',
      ['2023-12-25', '2024-02-01'],
    ],
    [
      'dots and slashes alike',
      'The hearing on 14.02.2024 was moved to 05/03/2024.',
      undefined,
      ['2024-02-14', '2024-03-05'],
    ],
  ])('%s', (_case, text, locale, values) => {
    // Act
    const spans = found(text, '2024-04-10', locale);
    // Assess
    expect(spans.map((s) => s.value)).toEqual(values);
  });

  it.each([
    ['no date decides', 'Bids opened 03/04/2024 and closed 05/06/2024.', ['2024-XX-XX', '2024-XX-XX']],
    [
      'the deciding dates disagree',
      'Opened 31/03/2024, closed 4/30/2024, reviewed 03/05/2024.',
      ['2024-03-31', '2024-04-30', '2024-XX-XX'],
    ],
    ['equal numbers decide nothing', 'From 05/05/2024 to 03/04/2024.', ['2024-05-05', '2024-XX-XX']],
  ])('leaves swappable dates unresolved when %s', (_case, text, values) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(values);
  });

  it('keeps the declared locale when the article gives no evidence', () => {
    // Act
    const spans = found('Bids closed 03/04/2024 and 05/06/2024.', '2024-04-10', 'en-GB');
    // Assess
    expect(spans.map((s) => s.value)).toEqual(['2024-04-03', '2024-06-05']);
  });
});
