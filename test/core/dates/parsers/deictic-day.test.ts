import { found } from '../tag-helper';

describe('days relative to publication', () => {
  it.each([
    ['Markets fell today.', 'today', 'DATE', '2019-12-20'],
    ['Markets fell yesterday.', 'yesterday', 'DATE', '2019-12-19'],
    ['Markets open tomorrow.', 'tomorrow', 'DATE', '2019-12-21'],
    ['He will speak tonight.', 'tonight', 'TIME', '2019-12-20TNI'],
    ['The plane landed this morning.', 'this morning', 'TIME', '2019-12-20TMO'],
    ['The rally was last night.', 'last night', 'TIME', '2019-12-19TNI'],
    ['It happened yesterday afternoon.', 'yesterday afternoon', 'TIME', '2019-12-19TAF'],
  ])('%s', (text, expression, type, value) => {
    // Act
    const spans = found(text, '2019-12-20');
    // Assess
    expect(spans).toEqual([{ text: expression, type, value }]);
  });
});
