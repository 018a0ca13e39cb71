import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../../lambdas/core/clean/clean-article';
import type { LineContext, Zone } from '../../../lambdas/core/clean/rules/types';
import type { CleanedArticle, CleanOptions, CleanOutcome } from '../../../lambdas/core/clean/types';

/** Folder of the cleaner's fixtures. */
export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'clean');
/** The seed article bundled with the project (not the shared data folder). */
export const SEED_PATH = join(__dirname, '..', '..', '..', 'samples', 'seed-korea-2019-12-20.txt');

/** Bytes of a fixture file. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Cleans text or bytes as a plain-text object. */
export function cleanOutcome(
  input: string | Uint8Array,
  options: CleanOptions & { key?: string; contentType?: string } = {},
): CleanOutcome {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const { key = 'article.txt', contentType, ...rest } = options;
  return cleanArticle({ bytes, key, ...(contentType === undefined ? {} : { contentType }) }, rest);
}

/** Cleans and returns the article, failing the test when the object was rejected. */
export function clean(
  input: string | Uint8Array,
  options: CleanOptions & { key?: string; contentType?: string } = {},
): CleanedArticle {
  const outcome = cleanOutcome(input, options);
  if (outcome.status !== 'cleaned')
    throw new Error(`expected an article, got ${JSON.stringify(outcome.rejection)}`);
  return outcome.article;
}

/** A rule context for one line, as the line stage would build it. */
export function contextFor(line: string, zone: Zone = 'body', occurrences = 1): LineContext {
  return { lines: [line], index: 0, zone, occurrences: () => occurrences };
}

/** Paragraphs of a cleaned text. */
export function paragraphs(text: string): string[] {
  return text.split('\n\n');
}

/** The code-point slice of a text, as record offsets are counted. */
export function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}
