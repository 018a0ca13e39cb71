import { isCertainlyEnglish } from './english-function-words';

/**
 * How much prose the identifier reads. tinyld's cost grows with its input but its accuracy levels off well
 * before this (see scripts/clean/language-accuracy.ts); a bounded sample keeps cleaning fast on long texts.
 */
export const LANGUAGE_SAMPLE_CHARS = 200;
/** Below this many letters no identifier is reliable; the language is left unset. */
export const MIN_LANGUAGE_LETTERS = 20;

const LETTER = /\p{L}/u;

/**
 * tinyld's score of its best guess below which the guess is not used: a short English line it cannot place
 * ("SEOUL (Yonhap) - Officials met on Friday.") comes out as Dutch at 0.06. `scripts/clean/language-accuracy.ts`
 * keeps 99.0% of its 200-character samples right with this floor (0.12 would cost a point).
 */
const MIN_CONFIDENCE = 0.11;

let tinyldDetectAll: ((text: string) => { lang: string; accuracy: number }[]) | undefined;

/**
 * tinyld, loaded on first use: building its n-gram tables takes most of a second, a cold-start cost that
 * batches the English shortcut settles never pay.
 */
function detect(text: string): string | undefined {
  tinyldDetectAll ??= (require('tinyld') as typeof import('tinyld')).detectAll;
  const best = tinyldDetectAll(text)[0];
  return best !== undefined && best.accuracy >= MIN_CONFIDENCE ? best.lang : undefined;
}

/** True when the sample has at least {@link MIN_LANGUAGE_LETTERS} letters; stops counting once it has. */
function hasEnoughLetters(sample: string): boolean {
  let letters = 0;
  for (let i = 0; i < sample.length && letters < MIN_LANGUAGE_LETTERS; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    else if (c >= 0x80 && LETTER.test(sample[i]!)) letters++;
  }
  return letters >= MIN_LANGUAGE_LETTERS;
}

/** Takes up to {@link LANGUAGE_SAMPLE_CHARS} characters of prose, cut at a word boundary. */
export function languageSample(paragraphs: readonly string[]): string {
  let sample = '';
  for (const p of paragraphs) {
    sample = sample.length === 0 ? p : `${sample} ${p}`;
    if (sample.length >= LANGUAGE_SAMPLE_CHARS) break;
  }
  if (sample.length <= LANGUAGE_SAMPLE_CHARS) return sample;
  const cut = sample.lastIndexOf(' ', LANGUAGE_SAMPLE_CHARS);
  return sample.slice(0, cut > LANGUAGE_SAMPLE_CHARS / 2 ? cut : LANGUAGE_SAMPLE_CHARS);
}

/**
 * ISO 639-1 code of the language of a text sample, or `undefined` when unsure or too short. tinyld decides,
 * except for samples that {@link isCertainlyEnglish} settles at a fraction of the cost.
 */
export function identifyLanguage(sample: string): string | undefined {
  if (!hasEnoughLetters(sample)) return undefined;
  if (isCertainlyEnglish(sample)) return 'en';
  const code = detect(sample);
  return code !== undefined && /^[a-z]{2}$/.test(code) ? code : undefined;
}
