/**
 * The documents the measurements run on: the dev sets in `../shared/data` when present (CoNLL-2003 testa for
 * entities, TimeML dev for dates), else the bundled `samples/`, so a fresh clone can run the bench.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentTypeFor } from '../../bin/cli/files';
import { cleanArticle } from '../../lambdas/core/clean/clean-article';
import { tokenize } from '../../lambdas/core/text/tokenize';
import { loadTimemlDirectory } from '../dates/timeml';
import { readConll } from '../ner/conll';

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where the shared dev data lives when the repository sits beside it. */
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');

/** A text to tag, with the units it counts for and its reference day. */
export interface Doc {
  readonly text: string;
  /** Tokens (entity documents) or UTF-16 characters (date documents). */
  readonly units: number;
  /** `YYYY-MM-DD` that relative dates resolve against. */
  readonly referenceDate: string;
}

/** A named set of documents. */
export interface Corpus {
  /** Where the documents came from, for the report. */
  readonly source: string;
  readonly docs: readonly Doc[];
}

/** A bundled sample: its raw bytes, as uploaded, and its cleaned text. */
export interface Sample {
  readonly path: string;
  readonly name: string;
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly text: string;
  readonly referenceDate: string;
}

/** Day used when a text carries no publication date (deterministic, unlike the upload day). */
const FALLBACK_DAY = '2000-01-01';

/** The bundled samples, cleaned as the clean stage cleans them. */
export function loadSamples(): Sample[] {
  const dir = join(REPO_ROOT, 'samples');
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const bytes = readFileSync(path);
      const contentType = contentTypeFor(path);
      const out = cleanArticle({ bytes, key: name, contentType });
      if (out.status !== 'cleaned') throw new Error(`sample ${name} was rejected: ${out.rejection.message}`);
      return {
        path,
        name,
        bytes,
        contentType,
        text: out.article.text,
        referenceDate: out.article.publishedAt?.slice(0, 10) ?? FALLBACK_DAY,
      };
    });
}

/**
 * Entity documents: CoNLL-2003 testa (its gold tokens counted) or the samples (the tagger's own tokenizer
 * counts). `limit` keeps the first documents only (quick runs).
 */
export function entityCorpus(useShared: boolean, limit?: number): Corpus {
  const file = join(SHARED_DATA, 'conll2003', 'eng.testa');
  if (useShared && existsSync(file)) {
    const docs = readConll(file)
      .slice(0, limit)
      .map((d) => ({
        text: d.text,
        units: d.sentences.reduce((n, s) => n + s.length, 0),
        referenceDate: '1996-08-30',
      }));
    return { source: `../shared/data/conll2003/eng.testa (${docs.length} documents)`, docs };
  }
  const docs = loadSamples().map((s) => ({
    text: s.text,
    units: tokenize(s.text).length,
    referenceDate: s.referenceDate,
  }));
  return { source: `samples/ (${docs.length} documents, cleaned)`, docs };
}

/** Date documents: the TimeML dev texts with their publication days, or the samples. */
export function dateCorpus(useShared: boolean, limit?: number): Corpus {
  const dir = join(SHARED_DATA, 'timeml-dev');
  if (useShared && existsSync(dir)) {
    const docs = loadTimemlDirectory(dir)
      .slice(0, limit)
      .map((d) => ({ text: d.text, units: d.text.length, referenceDate: d.published ?? FALLBACK_DAY }));
    return { source: `../shared/data/timeml-dev (${docs.length} documents)`, docs };
  }
  const docs = loadSamples().map((s) => ({
    text: s.text,
    units: s.text.length,
    referenceDate: s.referenceDate,
  }));
  return { source: `samples/ (${docs.length} documents, cleaned)`, docs };
}

/** Total units of a corpus. */
export function unitsOf(corpus: Corpus): number {
  return corpus.docs.reduce((n, d) => n + d.units, 0);
}
