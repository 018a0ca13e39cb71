import { decodeBytes, sniffUtf16WithoutBom } from '../../../lambdas/core/clean/input/decode';
import { decodeWindows1252 } from '../../../lambdas/core/clean/input/windows-1252';

const utf16le = (s: string): Uint8Array => Buffer.from(s, 'utf16le');
const utf16be = (s: string): Uint8Array => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
};
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from('Café “quoted” – done…', 'utf8'), 'Café “quoted” – done…', 'utf-8'],
    [
      'UTF-8 with BOM (BOM dropped)',
      bytes([0xef, 0xbb, 0xbf], Buffer.from('Seoul', 'utf8')),
      'Seoul',
      'utf-8',
    ],
    [
      'UTF-16 LE with BOM',
      bytes([0xff, 0xfe], utf16le('Kim Jong Un – “Christmas”')),
      'Kim Jong Un – “Christmas”',
      'utf-16le',
    ],
    [
      'UTF-16 BE with BOM',
      bytes([0xfe, 0xff], utf16be('Kim Jong Un – “Christmas”')),
      'Kim Jong Un – “Christmas”',
      'utf-16be',
    ],
    [
      'UTF-16 LE without BOM',
      utf16le('North Korea has not answered.'),
      'North Korea has not answered.',
      'utf-16le',
    ],
    [
      'UTF-16 BE without BOM',
      utf16be('North Korea has not answered.'),
      'North Korea has not answered.',
      'utf-16be',
    ],
    [
      'Windows-1252 typography',
      bytes([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85, 0x20, 0x92, 0x20, 0x80]),
      '“Hi” – — … ’ €',
      'windows-1252',
    ],
    [
      'ISO-8859-1 accents',
      bytes([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]),
      'café naïve',
      'iso-8859-1',
    ],
  ])('reads %s', (_name, input, expected, encoding) => {
    // Prepare: bytes as a scraper would store them.
    // Act
    const result = decodeBytes(input);
    // Assess
    expect(result).toEqual({ ok: true, text: expected, encoding });
  });

  it('uses a declared legacy charset when the bytes are not UTF-8', () => {
    // Prepare: "Привет" in Windows-1251, which no heuristic could guess.
    const cp1251 = bytes([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    // Act
    const declared = decodeBytes(cp1251, 'windows-1251');
    const undeclared = decodeBytes(cp1251);
    // Assess
    expect(declared).toMatchObject({ ok: true, text: 'Привет' });
    expect(undeclared.ok).toBe(false);
  });

  it('prefers valid UTF-8 over a wrong declared charset', () => {
    // Prepare
    const input = Buffer.from('Café – déjà vu', 'utf8');
    // Act
    const result = decodeBytes(input, 'iso-8859-1');
    // Assess
    expect(result).toEqual({ ok: true, text: 'Café – déjà vu', encoding: 'utf-8' });
  });

  it.each([
    ['UTF-16 with an odd byte count', bytes([0xff, 0xfe, 0x41, 0x00, 0x42])],
    ['UTF-16 with an unpaired surrogate', bytes([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])],
    ['a UTF-8 BOM before invalid UTF-8', bytes([0xef, 0xbb, 0xbf, 0xc3, 0x28])],
    ['mostly high bytes in no declared charset', Uint8Array.from({ length: 200 }, (_, i) => 0xc0 + (i % 60))],
  ])('refuses %s', (_name, input) => {
    // Prepare: nothing beyond the bytes.
    // Act
    const result = decodeBytes(input);
    // Assess
    expect(result.ok).toBe(false);
  });
});

describe('sniffUtf16WithoutBom', () => {
  it.each([
    ['ASCII text', Buffer.from('plain ASCII text here', 'utf8'), undefined],
    ['too short to tell', utf16le('ab'), undefined],
    ['LE text', utf16le('plain ASCII text here'), 'utf-16le'],
  ])('classifies %s', (_name, input, expected) => {
    // Prepare: nothing beyond the bytes.
    // Act
    const result = sniffUtf16WithoutBom(input);
    // Assess
    expect(result).toBe(expected);
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte, including ones Windows-1252 leaves undefined (to C1 controls)', () => {
    // Prepare
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    // Act
    const text = decodeWindows1252(all);
    // Assess
    expect(text).toHaveLength(256);
    expect(text[0x80]).toBe('€');
    expect(text[0x81]).toBe('\u0081');
    expect(text[0xe9]).toBe('é');
  });
});
