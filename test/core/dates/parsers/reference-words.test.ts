import { found } from '../tag-helper';

describe('present, past and future references', () => {
  it.each([
    ['The alliance is now larger.', 'now', 'PRESENT_REF'],
    ['He is currently abroad.', 'currently', 'PRESENT_REF'],
    ['The current situation is tense.', 'current', 'PRESENT_REF'],
    ['Investors fret over its current difficulties.', 'current', 'PRESENT_REF'],
    ['Islam will one day be the second religion.', 'one day', 'FUTURE_REF'],
    ['The search was recently extended.', 'recently', 'PAST_REF'],
    ['In the past, such talks failed.', 'the past', 'PAST_REF'],
    ['They will talk in the near future.', 'the near future', 'FUTURE_REF'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1998-01-01');
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });
});
