import { found } from '../tag-helper';

describe('weekdays', () => {
  it.each([
    ['The envoy left on Friday.', 'Friday', '2019-12-20', 'DATE'],
    ['Senators wrote a letter on Wednesday.', 'Wednesday', '2019-12-18', 'DATE'],
    ['The talks will resume Monday.', 'Monday', '2019-12-23', 'DATE'],
    ['The vote was last Friday.', 'last Friday', '2019-12-13', 'DATE'],
    ['The vote is next Tuesday.', 'next Tuesday', '2019-12-24', 'DATE'],
    ['Police said the bomb went off Sunday night.', 'Sunday night', '2019-12-15', 'DATE'],
    ['The relatives have until Tuesday to sign.', 'Tuesday', '2019-12-24', 'DATE'],
    ['Officials postponed until Tuesday any action.', 'Tuesday', '2019-12-24', 'DATE'],
    ['Until Tuesday, nobody had noticed.', 'Tuesday', '2019-12-17', 'DATE'],
    ["They vowed to fight Wednesday's ruling.", 'Wednesday', '2019-12-18', 'DATE'],
    ['Earlier Sunday, police clashed with marchers.', 'Earlier Sunday', '2019-12-15', 'DATE'],
  ])('%s', (text, expression, value, type) => {
    // Act
    const spans = found(text, '2019-12-20');
    // Assess
    expect(spans.map(({ text: t, type: y, value: v }) => ({ text: t, type: y, value: v }))).toEqual([
      { text: expression, type, value },
    ]);
  });
});
