import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDateline } from '../../../lambdas/core/clean/metadata/dateline';
import { isCertainlyEnglish } from '../../../lambdas/core/clean/metadata/english-function-words';
import { identifyLanguage } from '../../../lambdas/core/clean/metadata/language';
import { countWords } from '../../../lambdas/core/clean/metadata/word-count';
import { clean, codePointSlice, FIXTURES } from './helpers';

describe('readDateline', () => {
  it.each([
    ['SEOUL (Reuters) – A last-minute flood', { place: 'Seoul', agency: 'Reuters' }, undefined],
    ['WASHINGTON (AP) — Lawmakers approved', { place: 'Washington', agency: 'AP' }, undefined],
    ['LONDON, Dec 20 (Reuters) - The Bank of England', { place: 'London', agency: 'Reuters' }, '2019-12-20'],
    ['LONDON, Dec 20, 2018 (Reuters) - The Bank', { place: 'London', agency: 'Reuters' }, '2018-12-20'],
    ['SEOUL, South Korea (AP) — North Korea', { place: 'Seoul, South Korea', agency: 'AP' }, undefined],
    ['RIO DE JANEIRO (Reuters) - Brazil', { place: 'Rio de Janeiro', agency: 'Reuters' }, undefined],
    ['PARIS — French unions called', { place: 'Paris' }, undefined],
    ['WASHINGTON _ The Senate passed', { place: 'Washington' }, undefined],
    ['WARSAW, Poland (AP) _ Floodwaters forced', { place: 'Warsaw, Poland', agency: 'AP' }, undefined],
    ['BUFFALO, N.Y. (AP) -- A lake-effect storm', { place: 'Buffalo, N.Y.', agency: 'AP' }, undefined],
  ])('reads %j', (paragraph, dateline, date) => {
    // Prepare: a first paragraph; the reference day gives a year to `Dec 20`.
    // Act
    const match = readDateline(paragraph, '2019-12-31');
    // Assess
    expect(match?.dateline).toEqual(dateline);
    expect(match?.date).toBe(date);
  });

  it.each([
    [
      'plain text',
      'Updated: 2021-06-01 14:05 BST\n\nPARIS, June 1 (Reuters) - Prices rose sharply in Paris on Tuesday, officials said.',
    ],
    [
      'a stamp in the body',
      'PARIS, June 1 (Reuters) - Prices rose sharply in Paris on Tuesday, officials said.\n\nLast updated: June 2, 2021',
    ],
  ])(
    "dates a yearless dateline by the article's last-updated stamp, not the upload day (%s)",
    (_case, text) => {
      // Prepare: uploaded five years later.
      // Act
      const article = clean(text, { referenceDate: '2026-11-28' });
      // Assess
      expect(article.publishedAt).toBe('2021-06-01');
      expect(article.text).not.toMatch(/updated/i);
    },
  );

  it.each([
    [
      'a header date',
      'Date: 2021-06-01\n\nPrices rose sharply in Paris on Tuesday, officials said.',
      'metadata',
    ],
    [
      'a dateline date',
      'PARIS, June 1, 2021 (Reuters) - Prices rose sharply in Paris, officials said.',
      'dateline',
    ],
    ['no date', 'PARIS (Reuters) - Prices rose sharply in Paris on Tuesday, officials said.', undefined],
  ])('says where the publication date came from: %s', (_case, text, source) => {
    // Act
    const article = clean(text, { referenceDate: '2026-11-28' });
    // Assess
    expect(article.publishedAtSource).toBe(source);
    expect(article.publishedAt === undefined).toBe(source === undefined);
  });

  it('gives a yearless dateline date the previous year when it would fall after the reference day', () => {
    // Prepare
    const paragraph = 'LONDON, Dec 20 (Reuters) - The Bank of England kept rates unchanged.';
    // Act
    const match = readDateline(paragraph, '2020-01-05');
    // Assess
    expect(match?.date).toBe('2019-12-20');
  });

  it.each([
    'Earlier — the officials said — talks resumed.',
    'US – China talks resumed on Friday.',
    'A last-minute flood of diplomacy met silence.',
    'The talks (which stalled) - resumed.',
    'The file_name field _ was empty.',
    'NATO_ROLE was the variable name.',
  ])('finds no dateline in %j', (paragraph) => {
    // Prepare: sentences with dashes and parentheses but no upper-case place.
    // Act
    const match = readDateline(paragraph);
    // Assess
    expect(match).toBeUndefined();
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['SEOUL (Reuters) – A last-minute flood.', 5],
    ['U.S. envoy’s trip', 3],
    ['政府周三宣布', 6],
    ['Kim said: 北京 is far', 6],
  ])('counts %j as %d words', (text, expected) => {
    // Prepare: nothing beyond the text.
    // Act
    const n = countWords(text);
    // Assess
    expect(n).toBe(expected);
  });
});

describe('language identification', () => {
  const samples = (
    JSON.parse(readFileSync(join(FIXTURES, 'language-samples.json'), 'utf8')) as {
      samples: { lang: string; text: string }[];
    }
  ).samples;

  it('identifies at least 95% of 28 languages from news paragraphs', () => {
    // Prepare: hand-written paragraphs, most 100–200 characters.
    // Act
    const correct = samples.filter((s) => identifyLanguage(s.text) === s.lang).length;
    // Assess
    expect(correct / samples.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never takes the English shortcut for another language', () => {
    // Prepare
    const others = samples.filter((s) => s.lang !== 'en');
    // Act
    const shortcut = others.filter((s) => isCertainlyEnglish(s.text)).map((s) => s.lang);
    // Assess
    expect(shortcut).toEqual([]);
  });

  it.each(['SEOUL (Yonhap) - Officials met on Friday.', 'Officials met on Friday.'])(
    'leaves the language unset for a line the identifier cannot place: %j',
    (text) => {
      // Act
      const language = identifyLanguage(text);
      // Assess
      expect(language).toBeUndefined();
    },
  );

  it('leaves the language unset for a text too short to tell', () => {
    // Prepare
    const text = 'Seoul, Dec 20';
    // Act
    const language = identifyLanguage(text);
    // Assess
    expect(language).toBeUndefined();
  });
});

describe('title, byline, keywords and headings', () => {
  it('reads a headline from the first line and keeps it as the first paragraph', () => {
    // Prepare
    const text =
      'Talks stall as deadline nears\n\nSEOUL (Reuters) – Talks between the two sides stalled on Friday, officials said.';
    // Act
    const article = clean(text);
    // Assess
    expect(article.title).toBe('Talks stall as deadline nears');
    expect(article.text.startsWith('Talks stall as deadline nears\n\n')).toBe(true);
  });

  it.each([
    [
      'a first line that is a sentence',
      'Talks stalled on Friday, officials said in a statement.\n\nThey will resume next week.',
    ],
    [
      'a wrapped first paragraph',
      'The talks between the two sides stalled\non Friday after a week of meetings in Geneva, officials said.',
    ],
    ['a one-line text', 'Talks stall as deadline nears'],
    [
      'a dateline alone on the first line',
      'WARSAW, Poland (AP) _\nFloodwaters forced thousands from their homes on Monday, officials said.',
    ],
    [
      'a double-dash dateline in its own block',
      'BUFFALO, N.Y. (AP) --\n\nA snowstorm buried parts of western New York on Friday, officials said.',
    ],
    [
      'an account bar above a dateline',
      'Menu  Search  Sign in\n\nPARIS — French unions called a strike on Monday, officials said.',
    ],
    [
      'a share rail above the prose',
      'Share on Facebook | Share on X | Email\n\nFrench unions called a strike on Monday, officials said.',
    ],
  ])('reads no title from %s', (_name, text) => {
    // Prepare: nothing beyond the text.
    // Act
    const article = clean(text);
    // Assess
    expect(article.title).toBeUndefined();
  });

  it('keeps headings as separate paragraphs with code-point offsets, even after astral characters', () => {
    // Prepare: an emoji (two UTF-16 units, one code point) before the subhead.
    const text = [
      'Fans cheered 🎉 as the team arrived in Seoul on Friday after a long flight from Doha, officials said.',
      'WHAT COMES NEXT',
      'The team will train for a week before the final match against Japan, the coach told reporters.',
    ].join('\n\n');
    // Act
    const article = clean(text);
    // Assess
    expect(article.headings).toHaveLength(1);
    const heading = article.headings[0]!;
    expect(heading.text).toBe('WHAT COMES NEXT');
    expect(codePointSlice(article.text, heading.start, heading.end)).toBe('WHAT COMES NEXT');
    expect(heading.start).toBe(
      [
        ...'Fans cheered 🎉 as the team arrived in Seoul on Friday after a long flight from Doha, officials said.\n\n',
      ].length,
    );
  });

  it('reads a subhead between sentences in text without blank lines', () => {
    // Prepare: one paragraph per line, no blank lines.
    const text = [
      'The talks resumed on Friday after a week-long pause in the capital, officials said.',
      'MILITARY TENSIONS',
      'Both armies remained on alert along the border throughout the week, the ministry said.',
    ].join('\n');
    // Act
    const article = clean(text);
    // Assess
    expect(article.headings.map((h) => h.text)).toEqual(['MILITARY TENSIONS']);
    expect(article.text.split('\n\n')).toHaveLength(3);
  });

  it('prefers the byline over wire credits, and uses credits when there is no byline', () => {
    // Prepare
    const body = 'SEOUL (Reuters) – Talks between the two sides stalled on Friday, officials said in Seoul.';
    const credits = '(Reporting by Hyonhee Shin and Josh Smith in Seoul; Editing by Lincoln Feast)';
    // Act
    const withByline = clean(`By Jane Doe\n\n${body}\n\n${credits}`);
    const withoutByline = clean(`${body}\n\n${credits}`);
    // Assess
    expect(withByline.byline).toBe('Jane Doe');
    expect(withoutByline.byline).toBe('Hyonhee Shin, Josh Smith');
  });

  it('collects keywords from every tag footer, without duplicates', () => {
    // Prepare
    const text =
      'The talks stalled on Friday after a week of meetings, officials said.\n\nTags: Korea, talks\n\n(tagsToTranslate) korea (t) diplomacy';
    // Act
    const article = clean(text);
    // Assess
    expect(article.keywords).toEqual(['Korea', 'talks', 'diplomacy']);
    expect(article.text).not.toMatch(/Tags|tagsToTranslate/);
  });

  it('cuts a tag footer glued to the last paragraph', () => {
    // Prepare
    const text = 'The talks stalled on Friday, officials said. (tagsToTranslate) korea (t) talks';
    // Act
    const article = clean(text);
    // Assess
    expect(article.text).toBe('The talks stalled on Friday, officials said.');
    expect(article.keywords).toEqual(['korea', 'talks']);
  });
});
