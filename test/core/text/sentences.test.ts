import { MAX_SENTENCE_TOKENS, splitSentences } from '../../../lambdas/core/text/sentences';
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

describe('splitSentences: the length bound', () => {
  /** Token counts of the sentences of `text`. */
  function lengthsOf(text: string): number[] {
    return splitSentences(text, tokenize(text)).map((s) => s.end - s.start);
  }

  it.each([
    [
      'capitalised words without punctuation are cut at the limit',
      'Kim Jong Un '.repeat(100),
      [128, 128, 44],
    ],
    [
      'a clause break in the second half of the limit is preferred',
      `${'Kim '.repeat(99)}Un, ${'Moon '.repeat(100)}`,
      [101, 100],
    ],
    [
      'a clause break in the first half is ignored',
      `${'Kim '.repeat(20)}Un, ${'Moon '.repeat(200)}`,
      [128, 94],
    ],
    ['a sentence at the limit is kept whole', `${'Kim '.repeat(126)}Un.`, [128]],
    [
      'trailing quotes never push a sentence past the limit',
      `${'Kim '.repeat(126)}Un. ${'" '.repeat(50)}`,
      [128, 50],
    ],
    ['short sentences are untouched', 'He left. She stayed.', [3, 3]],
  ])('%s', (_name, text, expected) => {
    // Prepare / Act
    const lengths = lengthsOf(text);

    // Assess
    expect(lengths).toEqual(expected);
  });

  it.each([
    ['ALL CAPS', 'SEOUL REUTERS '.repeat(2000)],
    ['digits', '1996 08 22 '.repeat(2000)],
    ['quotes', '" '.repeat(5000)],
    ['terminals and trailers', '. ) '.repeat(3000)],
    ['lower-case words', 'the talks went on '.repeat(1000)],
  ])('%s: no sentence is over the limit, every token is in one', (_name, text) => {
    // Prepare
    const tokens = tokenize(text);

    // Act
    const ranges = splitSentences(text, tokens);

    // Assess
    expect(Math.max(...ranges.map((r) => r.end - r.start))).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(ranges[0]?.start).toBe(0);
    expect(ranges.at(-1)?.end).toBe(tokens.length);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.start).toBe(ranges[i - 1]?.end);
  });
});
