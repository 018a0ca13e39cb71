import { detect } from 'tinyld';
import { isCertainlyEnglish } from './english-function-words';

/**
 * How much prose the identifier reads. tinyld's cost grows with its input but its accuracy levels off well
 * before this (see scripts/clean/language-accuracy.ts); a bounded sample keeps cleaning fast on long texts.
 */
export const LANGUAGE_SAMPLE_CHARS = 200;
/** Below this many letters no identifier is reliable; the language is left unset. */
export const MIN_LANGUAGE_LETTERS = 20;

const LETTER = /\p{L}/gu;

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
  if ((sample.match(LETTER)?.length ?? 0) < MIN_LANGUAGE_LETTERS) return undefined;
  if (isCertainlyEnglish(sample)) return 'en';
  const code = detect(sample);
  return /^[a-z]{2}$/.test(code) ? code : undefined;
}
