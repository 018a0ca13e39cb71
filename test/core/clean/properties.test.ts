import fc from 'fast-check';
import { cleanArticle } from '../../../lambdas/core/clean/clean-article';
import type { CleanOutcome } from '../../../lambdas/core/clean/types';

const MAGIC_PREFIXES = [
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0xff, 0xd8, 0xff],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const cleanText = (text: string): CleanOutcome =>
  cleanArticle({ bytes: Buffer.from(text, 'utf8'), key: 'a.txt' });

/** Lines of the kinds real scrapes mix: prose, residue, dates, tags, subheads, HTML-ish, odd whitespace. */
const LINE_POOL = [
  'SEOUL (Reuters) – Talks stalled on Friday, officials said.',
  'The union said its members would stay out for at least two days.',
  '"We have been patient," he said.',
  'He said the advertisement was misleading.',
  'Advertisement',
  'Loading...',
  'Share this article',
  'Facebook Twitter Email',
  'RELATED: Seoul warns Pyongyang',
  'Sign in',
  'Politics',
  'World',
  'Business',
  'date 2019-12-20 Loading...',
  'October 30, 1989 10:42 AM ET',
  'By Jane Doe',
  'Tags: a, b',
  '(tagsToTranslate) a (t) b',
  'MILITARY TENSIONS',
  '"THE BEST PLAN"',
  '© 2019 Reuters',
  '(Reporting by Jane Doe; Editing by John Roe)',
  'We use cookies to improve your experience.',
  'and the talks went on',
  'continued from the line above',
  'inter-',
  'national talks resumed.',
  '<p>markup</p>',
  '',
  '   ',
  '\t',
];

const scrapedDocument = fc
  .array(fc.oneof(fc.constantFrom(...LINE_POOL), fc.string({ maxLength: 40 })), { maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\n\n').map((sep) => lines.join(sep)));

describe('cleanArticle properties', () => {
  it('never throws or fails internally on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc
            .tuple(fc.constantFrom(...MAGIC_PREFIXES), fc.uint8Array({ maxLength: 500 }))
            .map(([p, rest]) => Uint8Array.from([...p, ...rest])),
          fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s, 'utf16le')),
          fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s, 'latin1')),
        ),
        fc.option(
          fc.constantFrom(
            'text/html',
            'text/plain; charset=windows-1251',
            'application/octet-stream',
            'text/html; charset=bogus',
          ),
          { nil: undefined },
        ),
        (bytes, contentType) => {
          // Prepare: arbitrary bytes, sometimes behind a binary signature or BOM.
          // Act
          const outcome = cleanArticle({
            bytes,
            key: 'x',
            ...(contentType === undefined ? {} : { contentType }),
          });
          // Assess
          expect(['cleaned', 'rejected']).toContain(outcome.status);
          if (outcome.status === 'rejected') expect(outcome.rejection.code).not.toBe('CLEAN_FAILED');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws or fails internally on arbitrary HTML-like text', () => {
    const tag = fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="share">',
      '</div>',
      '<h2>',
      '</h2>',
      '<br>',
      '<script>x()</script>',
      '<nav>',
      '</nav>',
      '<!doctype html>',
      '<html>',
      '<body>',
      '<meta charset="utf-8">',
      '<time datetime="2019-12-20">',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, fc.string({ maxLength: 30 })), { maxLength: 40 }), (parts) => {
        // Prepare
        const bytes = Buffer.from(parts.join(''), 'utf8');
        // Act
        const outcome = cleanArticle({ bytes, key: 'page.html', contentType: 'text/html' });
        // Assess
        if (outcome.status === 'rejected') expect(outcome.rejection.code).not.toBe('CLEAN_FAILED');
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent on text: clean(clean(x)) = clean(x)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          scrapedDocument,
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
        (input) => {
          // Prepare: a messy document.
          const once = cleanText(input);
          fc.pre(once.status === 'cleaned');
          if (once.status !== 'cleaned') return;
          // Act
          const twice = cleanText(once.article.text);
          // Assess
          expect(twice.status).toBe('cleaned');
          if (twice.status === 'cleaned') expect(twice.article.text).toBe(once.article.text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent when removed lines hid a block of junk lines (a counterexample fast-check found)', () => {
    // Prepare: repeated lines between short junk lines; once removed, the junk lines stand together.
    const input =
      '"We have been patient," he said.\n\nBPEfF]Nsk=\n\ncontinued from the line above\n\n.oJVa+l^\n\n' +
      '"THE BEST PLAN"\n\ncontinued from the line above\n\n\n\n?fm\n\nB3G9MVf%"';
    const once = cleanText(input);
    if (once.status !== 'cleaned') throw new Error('expected an article');

    // Act
    const twice = cleanText(once.article.text);

    // Assess
    expect(twice.status === 'cleaned' ? twice.article.text : twice.status).toBe(once.article.text);
  });

  it('keeps every sentence of ordinary prose, whatever residue is mixed in', () => {
    const word = fc.constantFrom(
      'talks',
      'officials',
      'the',
      'union',
      'said',
      'on',
      'Friday',
      'would',
      'resume',
      'after',
      'a',
      'pause',
      'in',
      'Seoul',
      'and',
      'Tokyo',
      'prices',
      'rose',
      'sharply',
      'share',
      'advertisement',
      'cookies',
      'sign',
      'menu',
      'loading',
      'home',
      'related',
      'copyright',
      'photo',
      'tags',
    );
    const sentence = fc
      .tuple(
        fc.constantFrom(
          'The',
          'Officials',
          'He',
          'Share',
          'Advertisement',
          'Loading',
          'Home',
          'Copyright',
          'Related',
          'Sign',
          'We',
        ),
        fc.array(word, { minLength: 4, maxLength: 18 }),
        fc.constantFrom('.', '!', '?', '."'),
      )
      .map(([first, words, end]) => `${first} ${words.join(' ')}${end}`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
    const residue = fc.constantFrom(
      'Advertisement',
      'Loading...',
      'Share this article',
      'Sign in',
      'RELATED: Talks stall',
      '© 2019 Reuters',
      'Facebook Twitter',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraph, fc.option(residue, { nil: undefined })), { minLength: 1, maxLength: 8 }),
        (blocks) => {
          // Prepare: paragraphs of sentences, some followed by a residue line.
          const input = blocks.flatMap(([p, r]) => (r === undefined ? [p] : [p, r])).join('\n\n');
          const sentences = blocks.flatMap(([p]) => p.match(/[^.!?]+[.!?]"?/g) ?? []).map((s) => s.trim());
          // Act
          const outcome = cleanText(input);
          // Assess
          expect(outcome.status).toBe('cleaned');
          if (outcome.status !== 'cleaned') return;
          for (const s of sentences) expect(outcome.article.text).toContain(s);
        },
      ),
      { numRuns: 300 },
    );
  });
});
