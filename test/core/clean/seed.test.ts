import { readFileSync } from 'node:fs';
import { clean, fixture, paragraphs, SEED_PATH } from './helpers';

const seedBytes = readFileSync(SEED_PATH);
const seedText = seedBytes.toString('utf8');

/** Every paragraph of the seed that is article prose (not the header, subheads or tag footer). */
const proseParagraphs = seedText
  .split(/\n{2,}/)
  .map((p) => p.trim())
  .filter((p) => p.length > 0 && !p.startsWith('date ') && !p.startsWith('(tagsToTranslate)'))
  .filter((p) => p !== '"THE BEST PLAN"' && p !== 'MILITARY TENSIONS');

describe('the seed article', () => {
  const article = clean(seedBytes, { key: 'seed-korea-2019-12-20.txt' });

  it('gets its publication date from the header line', () => {
    // Prepare: the seed, cleaned once above.
    // Act: nothing more.
    // Assess
    expect(article.publishedAt).toBe('2019-12-20');
  });

  it('gets its dateline', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.dateline).toEqual({ place: 'Seoul', agency: 'Reuters' });
  });

  it('turns the six footer tags into keywords', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.keywords).toEqual([
      'north korea',
      'pyongyang',
      'south korea',
      'news',
      'diplomacy',
      'kim jong un',
    ]);
  });

  it('keeps both subheads as headings, each a paragraph of its own', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.headings.map((h) => h.text)).toEqual(['"THE BEST PLAN"', 'MILITARY TENSIONS']);
    for (const heading of article.headings) {
      expect(article.text.slice(heading.start, heading.end)).toBe(heading.text);
      expect(paragraphs(article.text)).toContain(heading.text);
    }
  });

  it('has no Loading..., no header and no tag footer in its text', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.text).not.toContain('Loading');
    expect(article.text).not.toContain('date 2019');
    expect(article.text).not.toContain('tagsToTranslate');
    expect(article.text).not.toContain('(t)');
  });

  it('keeps every prose paragraph, word for word, in order', () => {
    // Prepare / Act: as above.
    // Assess
    const prose = paragraphs(article.text).filter((p) => !article.headings.some((h) => h.text === p));
    expect(prose).toEqual(proseParagraphs);
  });

  it('records what it removed and why', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.removed.map((r) => r.rule)).toEqual(['date-header', 'tags-footer']);
    expect(article.removed[0]?.text).toBe('date 2019-12-20 Loading...');
  });

  it('has a language, a word count and a content hash', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.language).toBe('en');
    expect(article.wordCount).toBeGreaterThan(700);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.format).toBe('text');
    expect(article.encoding).toBe('utf-8');
  });
});

describe('the seed in other encodings and shapes', () => {
  const reference = clean(seedBytes);

  it.each([
    ['seed-cp1252.txt', 'windows-1252'],
    ['seed-utf16le-bom.txt', 'utf-16le'],
    ['seed-utf16be-bom.txt', 'utf-16be'],
    ['seed-utf8-bom-crlf.txt', 'utf-8'],
    ['seed-mojibake.txt', 'utf-8'],
    ['seed-cr-invisible.txt', 'utf-8'],
  ])('%s cleans to the same text and metadata', (name, encoding) => {
    // Prepare: the seed re-encoded or damaged the way feeds damage text.
    const bytes = fixture(name);
    // Act
    const article = clean(bytes, { key: name });
    // Assess
    expect(article.encoding).toBe(encoding);
    expect(article.text).toBe(reference.text);
    expect(article.contentHash).toBe(reference.contentHash);
    expect(article.headings).toEqual(reference.headings);
    expect(article.keywords).toEqual(reference.keywords);
    expect(article.publishedAt).toBe('2019-12-20');
  });
});
