import {
  codePointToUtf16Converter,
  spansToCodePoints,
  utf16ToCodePointConverter,
} from '../../../lambdas/core/text/offsets';

describe('code-point offsets', () => {
  it('is the identity for text without astral characters', () => {
    // Prepare
    const convert = utf16ToCodePointConverter('Seoul – Pyongyang');

    // Act + Assess
    expect(convert(8)).toBe(8);
  });

  it('counts an astral character (two UTF-16 units) as one code point', () => {
    // Prepare
    const text = 'A 😀 Kim met Trump';
    const start16 = text.indexOf('Kim');

    // Act
    const [span] = spansToCodePoints(text, [{ start: start16, end: start16 + 3 }]);

    // Assess
    expect(span).toEqual({ start: start16 - 1, end: start16 + 2 });
    expect(Array.from(text).slice(span!.start, span!.end).join('')).toBe('Kim');
  });

  it('converts back from code points to UTF-16 indices', () => {
    // Prepare
    const text = '😀😀 Seoul';
    const toUtf16 = codePointToUtf16Converter(text);

    // Act
    const start = toUtf16(3);

    // Assess
    expect(text.slice(start, toUtf16(8))).toBe('Seoul');
  });
});
