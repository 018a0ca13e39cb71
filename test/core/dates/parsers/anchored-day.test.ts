import { found } from '../tag-helper';

describe('dates anchored on the story', () => {
  it.each([
    ['He was arrested on Oct. 23. The next day he was charged.', 'The next day', '1998-10-24'],
    ['He was arrested on Oct. 23. He was released that day.', 'that day', '1998-10-23'],
    ['He was arrested on Oct. 23 and was seen the day before.', 'the day before', '1998-10-22'],
    ['Talks opened in April 1989. The following month they collapsed.', 'The following month', '1989-05'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1998-11-20');
    // Assess
    expect(spans.find((s) => s.text === expression)?.value).toBe(value);
  });

  it('falls back to publication when the story has no date yet', () => {
    // Act
    const spans = found('The next day was quiet.', '1998-11-20');
    // Assess
    expect(spans).toEqual([{ text: 'The next day', type: 'DATE', value: '1998-11-21' }]);
  });
});
