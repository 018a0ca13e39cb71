import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBareDateline, startsWithDateline } from '../../../lambdas/core/clean/metadata/dateline';
import { isFurnitureBar } from '../../../lambdas/core/clean/rules/furniture-bar';
import { siteChromeRule } from '../../../lambdas/core/clean/rules/site-chrome';
import { clean, contextFor, FIXTURES, fixture, paragraphs, SEED_PATH } from './helpers';

/** The bundled samples folder. */
const SAMPLES = join(SEED_PATH, '..');

describe('a scraped article with junk between paragraphs', () => {
  const article = clean(fixture('messy-junk.txt'), { key: 'messy-junk.txt' });
  const kept = paragraphs(article.text);

  it.each([
    'Skip to main content',
    'Sign in',
    'Home > World > Europe',
    'Loading...',
    'Advertisement',
    'Story continues below advertisement',
    'Share this article',
    'Facebook Twitter LinkedIn Email',
    'RELATED: Automation fears spread to Antwerp and Hamburg docks',
    'Click here to subscribe to our daily shipping newsletter.',
    'Accept all',
    'Politics',
    '© 1998 Reuters. All rights reserved.',
    'Tags: shipping, strikes, Netherlands, ports',
    '(Reporting by Anna de Vries and Mark Jansen; Editing by Tom Hughes)',
  ])('removes %j', (junk) => {
    // Prepare: the fixture, cleaned once above.
    // Act: nothing more.
    // Assess
    expect(kept).not.toContain(junk);
    expect(article.removed.map((r) => r.text)).toContain(junk);
  });

  it.each([
    'He said the advertisement was misleading. The operators had promised in a newspaper campaign that no jobs would be lost, he added, but their own plans showed otherwise.',
    'Sign in to read more about the strike, one reader wrote in a letter to the editor.',
    "A spokeswoman for the terminal operators said the company regretted the union's decision and remained open to further talks.",
  ])('keeps the prose %j', (prose) => {
    // Prepare / Act: as above.
    // Assess
    expect(kept).toContain(prose);
  });

  it('removes cookie notices and credited captions', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.text).not.toMatch(/cookies|REUTERS\/Jan Smit/);
  });

  it('reads title, date, byline, dateline and tags', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article).toMatchObject({
      title: 'Dutch port strike halts container traffic as talks collapse',
      publishedAt: '1998-01-08',
      byline: 'Anna de Vries and Mark Jansen, Reuters',
      dateline: { place: 'Rotterdam, Netherlands', agency: 'Reuters' },
      keywords: ['shipping', 'strikes', 'Netherlands', 'ports'],
    });
  });

  it('lists removals in document order, each with its rule', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article.removed[0]).toEqual({
      text: 'Skip to main content',
      reason: 'site navigation or control label',
      rule: 'site-chrome',
    });
    expect(article.removed.at(-1)?.rule).toBe('tags-footer');
  });
});

describe('other wire styles', () => {
  it('reads an AP story with a timestamp header, a subhead and a copyright footer', () => {
    // Prepare
    const bytes = fixture('ap-style.txt');
    // Act
    const article = clean(bytes);
    // Assess
    expect(article).toMatchObject({
      title: 'Lawmakers approve emergency budget after all-night session',
      publishedAt: '1989-10-30T10:42:00-05:00',
      dateline: { place: 'Washington', agency: 'AP' },
    });
    expect(article.headings.map((h) => h.text)).toEqual(['WHAT HAPPENS NEXT']);
    expect(article.text).not.toMatch(/Copyright|may not be published/);
  });

  it('joins hard-wrapped lines into paragraphs and dates a yearless dateline from the reference day', () => {
    // Prepare
    const bytes = fixture('hard-wrapped.txt');
    // Act
    const article = clean(bytes, { referenceDate: '2019-12-31' });
    // Assess
    expect(paragraphs(article.text)).toEqual([
      'Central bank holds rates as growth slows',
      expect.stringMatching(
        /^LONDON, Dec 20 \(Reuters\) - The Bank of England kept interest rates unchanged on Friday, .* across most of the country\.$/,
      ),
      expect.stringMatching(/^Policymakers voted 7-2 .* was announced\.$/),
      expect.stringMatching(/^"The committee .* into the spring\.$/),
    ]);
    expect(article).toMatchObject({
      byline: 'Jane Roe',
      publishedAt: '2019-12-20',
      keywords: ['Bank of England', 'interest rates', 'sterling'],
    });
  });

  it('uses no dateline date without a reference day', () => {
    // Prepare
    const bytes = fixture('hard-wrapped.txt');
    // Act
    const article = clean(bytes);
    // Assess
    expect(article.publishedAt).toBeUndefined();
    expect(article.dateline).toEqual({ place: 'London', agency: 'Reuters' });
  });
});

describe('plain-text page furniture and wire datelines', () => {
  it('removes account, search and share bars and joins a bare underscore dateline to its story', () => {
    // Prepare
    const bytes = fixture('nav-bar-scrape.txt');
    // Act
    const article = clean(bytes);
    // Assess
    expect(article.title).toBe('Floodwaters force thousands from homes along the Vistula');
    expect(article.dateline).toEqual({ place: 'Warsaw, Poland', agency: 'AP' });
    expect(paragraphs(article.text)).toEqual([
      'Floodwaters force thousands from homes along the Vistula',
      expect.stringMatching(/^WARSAW, Poland \(AP\) _ Floodwaters forced thousands .* through the week\.$/),
      'Search teams worked through the night, and residents were told to sign in at the shelters so relatives could find them.',
      'Search and Rescue',
      'The army sent 2,000 soldiers to help, the defense ministry said.',
    ]);
    expect(article.removed.map((r) => r.text)).toEqual(
      expect.arrayContaining([
        'Menu Search Sign in',
        'Share on Facebook Share on X Email',
        'Subscribe | Log in | My account',
      ]),
    );
  });

  it('gives a text that opens with furniture and a double-dash dateline no title', () => {
    // Prepare
    const bytes = fixture('dateline-no-title.txt');
    // Act
    const article = clean(bytes);
    // Assess
    expect(article.title).toBeUndefined();
    expect(article.dateline).toEqual({ place: 'Buffalo, N.Y.', agency: 'AP' });
    expect(paragraphs(article.text)[0]).toMatch(/^BUFFALO, N\.Y\. \(AP\) -- A lake-effect snowstorm/);
  });

  it('reads the underscore dateline below a headline', () => {
    // Prepare
    const bytes = fixture('underscore-dateline.txt');
    // Act
    const article = clean(bytes);
    // Assess
    expect(article).toMatchObject({
      title: 'Senate passes stopgap spending bill',
      dateline: { place: 'Washington' },
    });
  });

  const plainTexts = [
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(FIXTURES, f)),
    ...readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SAMPLES, f)),
  ];

  it.each(plainTexts)('takes no page furniture or dateline as the title of %s', (path) => {
    // Prepare
    const bytes = readFileSync(path);
    // Act
    const article = clean(bytes, { key: path });
    // Assess
    const title = article.title ?? '';
    expect(
      isFurnitureBar(title) || siteChromeRule.match(title, contextFor(title, 'header')) !== undefined,
    ).toBe(false);
    expect(startsWithDateline(title) || isBareDateline(title)).toBe(false);
  });
});

describe('long inputs', () => {
  it('cleans 20,000 short lines (one wrapped paragraph) in one piece', () => {
    // Prepare: a long hard-wrapped text (joining it line by line into one string was once quadratic).
    const text = Array.from({ length: 20_000 }, (_, i) => `word${i.toString(36)}`).join('\n');
    // Act
    const article = clean(text);
    // Assess
    expect(article.wordCount).toBe(20_000);
    expect(article.text).not.toContain('\n');
  });
});
