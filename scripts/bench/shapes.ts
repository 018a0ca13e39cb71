/**
 * Pathological article texts for the scaling test and the worst-case benchmark row: the shapes that once made
 * a stage quadratic (a long run of capitalised words without sentence punctuation took 5 s and 435 MB at
 * 40 KB) and others a stage could plausibly trip on. Deterministic: the same shape and size give the same text.
 */

/** The generated shapes. */
export const TEXT_SHAPES = [
  'capitalised-names',
  'distinct-capitalised',
  'all-caps',
  'lower-case',
  'digits',
  'one-line-prose',
  'short-lines',
  'no-spaces',
] as const;

/** One of {@link TEXT_SHAPES}. */
export type TextShape = (typeof TEXT_SHAPES)[number];

const NAMES = (
  'Kim Jong Un Moon Jae In Donald Trump Stephen Biegun Xi Jinping Shinzo Abe Seoul Pyongyang Washington ' +
  'Beijing Tokyo Reuters United Nations Security Council Korea Central News Agency Angela Merkel Berlin'
).split(' ');

/** A linear congruential generator: fast, seeded, and the same on every platform. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The next piece of a shape (a word with its separator, a line, a sentence); `index` counts pieces. */
function piece(shape: TextShape, next: () => number, index: number): string {
  const name = NAMES[Math.floor(next() * NAMES.length)] as string;
  switch (shape) {
    case 'capitalised-names':
      // The same names over and over, as a pasted list: the tagger reads the whole run as one entity.
      return `${NAMES[index % NAMES.length]} `;
    case 'distinct-capitalised': {
      let word = String.fromCharCode(65 + Math.floor(next() * 26));
      const length = 4 + Math.floor(next() * 6);
      while (word.length < length) word += String.fromCharCode(97 + Math.floor(next() * 26));
      return `${word} `;
    }
    case 'all-caps':
      return `${name.toUpperCase()} `;
    case 'lower-case':
      return `${name.toLowerCase()} `;
    case 'digits':
      return `${Math.floor(next() * 1_000_000)} `;
    case 'one-line-prose':
      return `${name} said on Monday that ${NAMES[Math.floor(next() * NAMES.length)]} would meet in March. `;
    case 'short-lines':
      return `${name} ${Math.floor(next() * 1000)}\n`;
    case 'no-spaces':
      return name;
  }
}

/** A text of exactly `bytes` UTF-8 bytes (ASCII) of the given shape. */
export function shapedText(shape: TextShape, bytes: number): string {
  const next = random(17);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const p = piece(shape, next, parts.length);
    parts.push(p);
    length += p.length;
  }
  return parts.join('').slice(0, bytes);
}
