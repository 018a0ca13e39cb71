import { found } from '../tag-helper';

describe('a day of the month named alone', () => {
  it.each([
    ['The talks ended on the 14th, officials said.', '2024-03-15', 'the 14th', '2024-03-14'],
    ['The talks ended on the 20th, officials said.', '2024-03-15', 'the 20th', '2024-02-20'],
    ['The vote will be held on the 2nd.', '2024-03-15', 'the 2nd', '2024-04-02'],
    ['The vote is set for the 28th.', '2024-03-15', 'the 28th', '2024-03-28'],
    ['The fund pays out on the 31st.', '2024-04-10', 'the 31st', '2024-03-31'],
    // A deadline in the present tense looks ahead, past a month without the day.
    ['Payment is due by the 31st.', '2024-04-10', 'the 31st', '2024-05-31'],
  ])('%s (published %s)', (text, ref, expression, value) => {
    // Act
    const spans = found(text, ref);
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });

  it.each([
    ['a century', 'The church dates from the 14th century.'],
    ['a count of times', 'He won for the 5th time.'],
    ['an anniversary', 'They met on the 50th anniversary of the war.'],
    ['a wrong suffix', 'They met on the 2th.'],
  ])('is not read into %s', (_case, text) => {
    // Act / Assess
    expect(found(text, '2024-03-15')).toEqual([]);
  });
});
