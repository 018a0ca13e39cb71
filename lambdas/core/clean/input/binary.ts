/** A known binary container, recognised by its leading bytes. */
interface MagicNumber {
  readonly name: string;
  /** The indefinite article the name takes when read aloud (`an ELF`, `an MP3`); `a` when unset. */
  readonly article?: 'an';
  /** Byte values at `offset`; `undefined` matches any byte. */
  readonly bytes: readonly (number | undefined)[];
  readonly offset?: number;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * Formats a scraper or a misconfigured feed drops in the bucket instead of text. Only signatures that no text
 * starts with: `BM` (bitmap) or `MZ` (executable) could begin a line of prose, and those files hold NUL bytes anyway.
 */
const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { name: 'PDF', bytes: ascii('%PDF-') },
  { name: 'ZIP (or DOCX/XLSX/EPUB)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP (empty)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'bzip2', bytes: [...ascii('BZh'), undefined, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'xz', article: 'an', bytes: [0xfd, ...ascii('7zXZ'), 0x00] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', bytes: ascii('Rar!\u001a\u0007') },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: ascii('GIF8') },
  { name: 'WebP', bytes: ascii('WEBP'), offset: 8 },
  { name: 'TIFF', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ISO media (MP4/HEIC)', article: 'an', bytes: ascii('ftyp'), offset: 4 },
  { name: 'Ogg', article: 'an', bytes: ascii('OggS') },
  { name: 'MP3', article: 'an', bytes: ascii('ID3') },
  { name: 'ELF', article: 'an', bytes: [0x7f, ...ascii('ELF')] },
  { name: 'OLE2 (DOC/XLS)', article: 'an', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'WOFF font', bytes: ascii('wOFF') },
  { name: 'WOFF2 font', bytes: ascii('wOF2') },
];

/**
 * Names the binary format the bytes start with, with its indefinite article (`a PDF`, `an ELF`), or
 * `undefined` when no known signature matches.
 */
export function binarySignature(bytes: Uint8Array): string | undefined {
  for (const magic of MAGIC_NUMBERS) {
    const offset = magic.offset ?? 0;
    if (bytes.length < offset + magic.bytes.length) continue;
    let match = true;
    for (let i = 0; i < magic.bytes.length; i++) {
      const want = magic.bytes[i];
      if (want !== undefined && bytes[offset + i] !== want) {
        match = false;
        break;
      }
    }
    if (match) return `${magic.article ?? 'a'} ${magic.name}`;
  }
  return undefined;
}

/** How many leading bytes the control-byte ratio is measured on: enough to judge, bounded cost. */
const SAMPLE = 8192;

/**
 * Share of C0 control bytes (other than tab, line feed, form feed, carriage return and escape) in a sample.
 * Text has almost none; compressed or serialised binary data without NUL bytes has several percent.
 */
export function controlByteRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SAMPLE);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls / n;
}
