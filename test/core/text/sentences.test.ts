import { splitSentences } from '../../../lambdas/core/text/sentences';
import { tokenize } from '../../../lambdas/core/text/tokenize';

function sentencesOf(text: string): string[] {
  const tokens = tokenize(text);
  return splitSentences(text, tokens).map((s) =>
    tokens
      .slice(s.start, s.end)
      .map((t) => t.text)
      .join(' '),
  );
}

describe('splitSentences', () => {
  it.each([
    ['two sentences', 'He left. She stayed.', ['He left .', 'She stayed .']],
    [
      'abbreviation before a name',
      'The U.S. Air Force said so. Mr. Brown agreed.',
      ['The U.S. Air Force said so .', 'Mr. Brown agreed .'],
    ],
    ['closing quote after the period', '"It is late." He left.', ['" It is late . "', 'He left .']],
    [
      'lower-case continuation is not a new sentence',
      'Prices rose 5 p.m. and fell.',
      ['Prices rose 5 p.m. and fell .'],
    ],
    [
      'line breaks always end a sentence',
      'THE BEST PLAN\nThe letter said',
      ['THE BEST PLAN', 'The letter said'],
    ],
    ['question and exclamation', 'Why? Because! Fine', ['Why ?', 'Because !', 'Fine']],
    [
      'CoNLL lines',
      'EU rejects German call .\nPeter Blackburn',
      ['EU rejects German call .', 'Peter Blackburn'],
    ],
  ])('%s', (_name, text, expected) => {
    // Prepare / Act
    const sentences = sentencesOf(text);

    // Assess
    expect(sentences).toEqual(expected);
  });

  it('covers every token exactly once, in order', () => {
    // Prepare
    const text = 'A b. C d!\n\nE f? "G h." I';
    const tokens = tokenize(text);

    // Act
    const ranges = splitSentences(text, tokens);

    // Assess
    expect(ranges[0]?.start).toBe(0);
    expect(ranges.at(-1)?.end).toBe(tokens.length);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.start).toBe(ranges[i - 1]?.end);
  });
});
