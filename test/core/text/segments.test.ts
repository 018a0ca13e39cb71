import { InvalidArgumentError } from '../../../lambdas/core/errors';
import { textSegments } from '../../../lambdas/core/text/segments';

/** The segments of `text` as strings. */
function piecesOf(text: string, maxChars: number): string[] {
  return textSegments(text, maxChars).map((s) => text.slice(s.start, s.end));
}

describe('textSegments', () => {
  it.each([
    ['a text that fits is one segment', 'Kim met Moon.', 20, ['Kim met Moon.']],
    ['an empty text is one empty segment', '', 20, ['']],
    ['cut after a paragraph break', 'aaaa bbbb\n\ncccc dddd', 14, ['aaaa bbbb\n\n', 'cccc dddd']],
    ['else after a line break', 'aaaa bbbb\ncccc dddd', 14, ['aaaa bbbb\n', 'cccc dddd']],
    ['else after a space', 'aaaa bbbb cccc dddd', 12, ['aaaa bbbb ', 'cccc dddd']],
    [
      'a break in the first half of the window is not taken',
      'a\nbbbbbbbbbbbbbbb',
      8,
      ['a\nbbbbbb', 'bbbbbbbb', 'b'],
    ],
    ['else at the limit', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['never between the halves of a surrogate pair', 'abc😀def', 4, ['abc', '😀de', 'f']],
  ])('%s', (_name, text, maxChars, expected) => {
    // Prepare / Act
    const pieces = piecesOf(text, maxChars);

    // Assess
    expect(pieces).toEqual(expected);
  });

  it('covers the text exactly, with no segment over the limit', () => {
    // Prepare
    const text = 'Kim Jong Un\n'.repeat(500) + 'x'.repeat(3000);

    // Act
    const segments = textSegments(text, 1000);

    // Assess
    expect(segments.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    expect(Math.max(...segments.map((s) => s.end - s.start))).toBeLessThanOrEqual(1000);
  });

  it.each([[0], [1], [2.5], [Number.NaN]])('refuses a limit of %s', (maxChars) => {
    // Prepare / Act / Assess
    expect(() => textSegments('text', maxChars)).toThrow(InvalidArgumentError);
  });
});
