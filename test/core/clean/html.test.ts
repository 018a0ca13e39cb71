import { readFileSync } from 'node:fs';
import { cleanArticle } from '../../../lambdas/core/clean/clean-article';
import { clean, cleanOutcome, fixture, SEED_PATH } from './helpers';

const page = fixture('article-page.html');

describe('an HTML news page around the article', () => {
  const article = clean(page, { key: 'world/north-korea.html', contentType: 'text/html; charset=utf-8' });

  it('extracts the same text as the plain-text seed', () => {
    // Prepare: the seed as plain text.
    const seed = clean(readFileSync(SEED_PATH));
    // Act: the page was cleaned above.
    // Assess
    expect(article.text).toBe(seed.text);
    expect(article.headings).toEqual(seed.headings);
  });

  it('reads title, publication time with its offset, byline, keywords and language from the page', () => {
    // Prepare / Act: as above.
    // Assess
    expect(article).toMatchObject({
      title: 'North Korea meets year-end diplomacy blitz with stony silence',
      publishedAt: '2019-12-20T08:15:00+09:00',
      byline: 'Josh Smith',
      dateline: { place: 'Seoul', agency: 'Reuters' },
      language: 'en',
      format: 'html',
      encoding: 'utf-8',
    });
    expect(article.keywords).toEqual(['North Korea', 'Pyongyang', 'diplomacy', 'Kim Jong Un']);
  });

  it.each([
    'Skip to main content',
    'We use cookies',
    'Accept all',
    'Sign in',
    'Markets',
    'Facebook',
    'Advertisement',
    'Most read',
    'Morning Briefing',
    'All rights reserved',
    'People watch a TV',
    'U.S. envoy says door open',
  ])('drops page furniture: %j', (furniture) => {
    // Prepare / Act: as above.
    // Assess
    expect(article.text).not.toContain(furniture);
  });

  it('never runs page scripts', () => {
    // Prepare / Act: as above; the page has scripts that would rewrite it if run.
    // Assess
    expect(article.text).not.toMatch(/INJECTED BY SCRIPT|PAGE REPLACED BY SCRIPT|dataLayer/);
    expect(article.removed.some((r) => r.rule === 'html-script')).toBe(true);
  });

  it('lists the furniture it dropped', () => {
    // Prepare / Act: as above.
    // Assess
    const audit = article.removed.map((r) => r.text).join('\n');
    expect(audit).toContain('We use cookies to improve your experience');
    expect(audit).toContain('Facebook Twitter LinkedIn Email');
  });

  it.each([
    ['a .html key without a content type', { key: 'page.html' }],
    ['sniffing alone', { key: 'raw/object-123' }],
    ['octet-stream', { key: 'raw/object-123', contentType: 'application/octet-stream' }],
  ])('is recognised as HTML by %s', (_name, options) => {
    // Prepare: the same page, stored with less metadata.
    // Act
    const sniffed = clean(page, options);
    // Assess
    expect(sniffed.format).toBe('html');
    expect(sniffed.text).toBe(article.text);
  });
});

describe('other HTML inputs', () => {
  it('decodes a Windows-1252 page that declares its charset in a meta tag', () => {
    // Prepare
    const html =
      '<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><article><p>\x93We are ready\x94 \x96 the minister said on Friday, after the talks in the caf\xe9 ended\x85</p></article></body></html>';
    const bytes = Buffer.from(html, 'latin1');
    // Act
    const article = clean(bytes, { key: 'page.html' });
    // Assess
    expect(article.encoding).toBe('windows-1252');
    expect(article.title).toBe('Café talks');
    expect(article.text).toBe(
      '“We are ready” – the minister said on Friday, after the talks in the café ended…',
    );
  });

  it('cleans an HTML fragment (no <html> element) with subheads and line breaks', () => {
    // Prepare
    const html =
      '<p>The talks resumed on Friday after a week-long pause, officials said.</p><h2>What comes next</h2><p>First line of a poem,<br>second line of the poem.</p>';
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.text).toBe(
      'The talks resumed on Friday after a week-long pause, officials said.\n\nWhat comes next\n\nFirst line of a poem, second line of the poem.',
    );
    expect(article.headings.map((h) => h.text)).toEqual(['What comes next']);
  });

  it('treats text labelled text/html but without any tag as plain text', () => {
    // Prepare
    const text =
      'SEOUL (Reuters) – Talks stalled on Friday, officials said.\n\nBoth sides will meet again next week.';
    // Act
    const article = clean(text, { contentType: 'text/html' });
    // Assess
    expect(article.format).toBe('text');
    expect(article.text).toBe(text);
  });

  it('falls back to the article element when there is too little for Readability', () => {
    // Prepare: a page with one short paragraph.
    const html =
      '<!doctype html><html><body><nav><a href="/">Home</a></nav><article><p>Talks resumed on Friday, officials said.</p></article></body></html>';
    // Act
    const article = clean(html);
    // Assess
    expect(article.text).toBe('Talks resumed on Friday, officials said.');
  });

  it.each([
    ['a region in the lang attribute', '<html lang="en-GB">', '', 'en-GB'],
    ['an underscore and odd case', '<html lang="EN_au">', '', 'en-AU'],
    [
      'og:locale when lang has no region',
      '<html lang="en">',
      '<meta property="og:locale" content="en_US">',
      'en-US',
    ],
    ['no region anywhere', '<html lang="en">', '', undefined],
  ])('reads the declared locale from %s', (_case, open, head, locale) => {
    // Prepare
    const html = `<!doctype html>${open}<head>${head}</head><body><article><p>The Bank of England held interest rates on Thursday, as economists had expected it would.</p><p>Governor Mark Carney said the economy was slowing but resilient, and the vote was 7-2.</p></article></body></html>`;
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.locale).toBe(locale);
  });

  it.each([
    ['en-GB', 'en-GB'],
    ['en-gb, fr-FR', 'en-GB'],
    ['en', 'en-US'],
  ])('prefers the upload Content-Language %j to the page lang (en-US): %s', (contentLanguage, locale) => {
    // Prepare
    const html = `<!doctype html><html lang="en-US"><body><article><p>The Bank of England held interest rates on Thursday, as economists had expected it would.</p><p>Governor Mark Carney said the economy was slowing but resilient, and the vote was 7-2.</p></article></body></html>`;
    // Act
    const outcome = cleanArticle({
      bytes: Buffer.from(html),
      key: 'page.html',
      contentType: 'text/html',
      contentLanguage,
    });
    // Assess
    expect(outcome.status === 'cleaned' ? outcome.article.locale : outcome.status).toBe(locale);
  });

  it.each([
    ['between the headline and the body', '<h1>Rates held</h1><time datetime="2019-12-20">Dec 20</time>'],
    [
      'wrapped in its own paragraph',
      '<p class="meta"><span><time datetime="2019-12-20">Dec 20</time></span></p>',
    ],
  ])('drops a <time> standing %s, so the dateline is read', (_case, before) => {
    // Prepare
    const html = `<!doctype html><html><body><article>${before}<p>LONDON (Reuters) - The Bank of England held interest rates on Thursday, as economists expected.</p><p>Governor Mark Carney said the economy was slowing but resilient, and the vote was 7-2.</p></article></body></html>`;
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.text.startsWith('LONDON (Reuters) - The Bank')).toBe(true);
    expect(article.dateline).toEqual({ place: 'London', agency: 'Reuters' });
  });

  it.each([
    [
      'a date-only meta tag and a precise JSON-LD value of the same day',
      '<meta name="date" content="2019-12-20"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-12-20T08:15:00+09:00"}</script>',
      '2019-12-20T08:15:00+09:00',
    ],
    [
      'sources that disagree on the day (the first one decides)',
      '<meta name="date" content="2019-12-20"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-12-18T08:15:00+09:00"}</script>',
      '2019-12-20',
    ],
  ])('dates the article from %s', (_case, head, publishedAt) => {
    // Prepare
    const html = `<!doctype html><html><head>${head}</head><body><article><p>The talks resumed on Friday after a week-long pause, officials said.</p></article></body></html>`;
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.publishedAt).toBe(publishedAt);
  });

  it('keeps a <time> inside a sentence', () => {
    // Prepare
    const html =
      '<!doctype html><html><body><article><div>The meeting on <time datetime="2019-12-20">Friday</time> ended without a deal, officials said.</div></article></body></html>';
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.text).toBe('The meeting on Friday ended without a deal, officials said.');
  });
});

describe('hostile markup', () => {
  it.each([
    ['50,000 nested <div>s', `${'<div>'.repeat(50_000)}The talks resumed on Friday, officials said.`],
    [
      '20,000 unclosed <script>s',
      `<p>The talks resumed on Friday, officials said.</p>${'<script>'.repeat(20_000)}`,
    ],
    [
      '20,000 unclosed comments',
      `<p>The talks resumed on Friday, officials said.</p>${'<!--'.repeat(20_000)}`,
    ],
    [
      '20,000 nested share widgets',
      `${'<div class="share">'.repeat(20_000)}The talks resumed on Friday, officials said.`,
    ],
  ])('copes with %s without building a pathological DOM', (_name, html) => {
    // Prepare: markup that made naive regexes or the DOM parser go quadratic.
    // Act
    const outcome = cleanOutcome(html, { contentType: 'text/html' });
    // Assess: an outcome, not a crash (the suite's timeout would catch a quadratic regression).
    expect(outcome.status === 'rejected' ? outcome.rejection.code : 'cleaned').not.toBe('CLEAN_FAILED');
  });

  it('reads the text of a page too deeply nested for a DOM, and says so', () => {
    // Prepare
    const html = `${'<div>'.repeat(5_000)}<p>The talks resumed on Friday &amp; ended on Sunday, officials said.</p>`;
    // Act
    const article = clean(html, { contentType: 'text/html' });
    // Assess
    expect(article.text).toBe('The talks resumed on Friday & ended on Sunday, officials said.');
    expect(article.removed.map((r) => r.rule)).toContain('html-tag-soup');
  });
});
