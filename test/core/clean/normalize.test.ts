import { repairMojibake } from '../../../lambdas/core/clean/input/mojibake';
import { normalizeText } from '../../../lambdas/core/clean/input/normalize';

describe('repairMojibake', () => {
  it.each([
    ['right single quote', 'Korea\u00e2\u20ac\u2122s summit', 'Korea’s summit'],
    ['en dash', 'SEOUL (Reuters) \u00e2\u20ac\u201c A last', 'SEOUL (Reuters) – A last'],
    ['curly double quotes', '\u00e2\u20ac\u0153best plan\u00e2\u20ac\u009d', '“best plan”'],
    [
      'curly double quotes with the undefined byte dropped',
      '\u00e2\u20ac\u0153best plan\u00e2\u20ac ok',
      '“best plan” ok',
    ],
    ['ellipsis', 'ready \u00e2\u20ac\u00a6 we', 'ready … we'],
    ['accented Latin', 'caf\u00c3\u00a9 d\u00c3\u00a9j\u00c3\u00a0 vu', 'café déjà vu'],
    ['no-break space', 'a\u00c2\u00a0b', 'a\u00a0b'],
    ['Cyrillic run', '\u00d0\u0178\u00d1\u20ac\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u201a', 'Привет'],
    ['mojibake of mojibake', 'Korea\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s', 'Korea’s'],
  ])('repairs %s', (_name, input, expected) => {
    // Prepare: UTF-8 text that was decoded as Windows-1252.
    // Act
    const repaired = repairMojibake(input);
    // Assess
    expect(repaired).toBe(expected);
  });

  it.each([
    ['plain accented text', 'café naïve déjà São Paulo Ölkrise'],
    ['a capital with a closing quote', 'the FÜ’s and Ö’s of it'],
    ['symbols after a lone capital', 'Â is a letter, Ã too'],
    ['ASCII', 'Nothing to see here.'],
  ])('leaves %s alone', (_name, input) => {
    // Prepare: genuine text that merely contains Latin-1 letters.
    // Act
    const repaired = repairMojibake(input);
    // Assess
    expect(repaired).toBe(input);
  });
});

describe('normalizeText', () => {
  it.each([
    ['CRLF', 'a\r\nb', 'a\nb'],
    ['CR', 'a\rb', 'a\nb'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\n\nc'],
    ['form feed', 'a\fb', 'a\nb'],
    ['tabs and no-break spaces', 'a\tb\u00a0c\u2009d', 'a b c d'],
    ['zero-width space and BOM', 'Bie\u200bgun\ufeff', 'Biegun'],
    ['soft hyphen', 'diplo\u00admacy', 'diplomacy'],
    ['bidi marks', '\u200eSeoul\u202c', 'Seoul'],
    ['C0 and C1 controls', 'a\u0007b\u0085c\u009dd', 'ab\ncd'],
    ['decomposed accents (NFC)', 'cafe\u0301', 'café'],
    ['stray joiners between ASCII', 'ab\u200dc\u200c', 'abc'],
  ])('handles %s', (_name, input, expected) => {
    // Prepare: decoded text straight from a scrape.
    // Act
    const out = normalizeText(input);
    // Assess
    expect(out).toBe(expected);
  });

  it.each([
    ['an emoji ZWJ sequence', '👩\u200d💻'],
    ['Persian ZWNJ', 'می\u200cخواهم'],
  ])('keeps joiners inside %s', (_name, input) => {
    // Prepare: joiners that carry meaning between non-ASCII characters.
    // Act
    const out = normalizeText(input);
    // Assess
    expect(out).toBe(input);
  });
});
