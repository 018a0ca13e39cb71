import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from './helpers';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

/** What each bundled sample (ingested by `npm start`) must come out with. */
const EXPECTED: Record<
  string,
  { title?: string; publishedAt: string; format: 'text' | 'html'; encoding: string }
> = {
  'seed-korea-2019-12-20.txt': { publishedAt: '2019-12-20', format: 'text', encoding: 'utf-8' },
  'port-strike-1998-01-08.txt': {
    title: 'Dutch port strike halts container traffic as talks collapse',
    publishedAt: '1998-01-08',
    format: 'text',
    encoding: 'windows-1252',
  },
  'central-bank-2019-12-20.html': {
    title: 'Bank of England holds rates as growth slows',
    publishedAt: '2019-12-20T12:04:00Z',
    format: 'html',
    encoding: 'utf-8',
  },
};

const contentTypeOf = (name: string): string => (/\.html?$/.test(name) ? 'text/html' : 'text/plain');

describe('bundled samples', () => {
  it.each(readdirSync(SAMPLES).sort())('%s cleans to text without residue', (name) => {
    // Prepare: every sample `npm start` ingests, including ones added later.
    const bytes = readFileSync(join(SAMPLES, name));
    // Act
    const article = clean(bytes, { key: name, contentType: contentTypeOf(name) });
    // Assess
    expect(article.language).toBeDefined();
    expect(article.text).not.toMatch(
      /Loading\.\.\.|Advertisement|cookies|All rights reserved|Share this|Sign up|\r/,
    );
    expect(article.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/);
  });

  it.each(Object.entries(EXPECTED))('%s comes out with its metadata', (name, expected) => {
    // Prepare
    const bytes = readFileSync(join(SAMPLES, name));
    // Act
    const article = clean(bytes, { key: name, contentType: contentTypeOf(name) });
    // Assess
    expect(article).toMatchObject({ ...expected, language: 'en' });
  });
});
