import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { esc, renderRecordHtml } from '../../bin/cli/view-html';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { buildRecord } from '../../lambdas/core/record/build-record';
import { createProcessedDocument } from '../../lambdas/core/record/processed-document';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { newsflow, tableOnlyDataDir } from '../helpers/cli';
import { idOf, record, type SeededTable, startTable } from '../reader/seed';

const ROOT = join(__dirname, '..', '..');
/** Where the screenshot goes (git-ignored), so a person can look at it after the run. */
const OUTPUT = join(ROOT, 'test-output', 'view');

/** A record with the given text and mentions (code point offsets), everything else plausible. */
function withText(text: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return { ...record({ key: 'raw/view.txt', publishedAt: '2019-12-20' }), text, ...overrides };
}

/** The record as stored when its text did not fit the item. */
function withoutText(r: ArticleRecord): ArticleRecord {
  const { text: _text, ...rest } = r;
  return rest;
}

/** Code point offsets of `needle` in `text`. */
function span(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">"\'><svg onload=alert(3)>&amp;';

describe('renderRecordHtml', () => {
  it('escapes everything from the record: no element, attribute or script comes from the article', () => {
    // Prepare
    const text = `Kim Jong Un wrote ${HOSTILE} on Friday.\n\n<iframe src="javascript:alert(4)"></iframe>`;
    const kim = span(text, 'Kim Jong Un');
    const hostile = withText(text, {
      title: `</title>${HOSTILE}`,
      byline: HOSTILE,
      language: '"><script>alert(5)</script>',
      keywords: [HOSTILE],
      source: { ...record({ key: 'raw/x' }).source, key: `raw/${HOSTILE}` },
      entities: [{ text: 'Kim Jong Un', type: 'PERSON', canonical: `Kim ${HOSTILE}`, ...kim }],
      entitySummary: [{ canonical: `Kim ${HOSTILE}`, type: 'PERSON', mentions: 1 }],
      dates: [
        { text: 'Friday', type: 'DATE', value: `2019-12-20${HOSTILE}`, rule: 'x', ...span(text, 'Friday') },
      ],
    });

    // Act
    const { document } = parseHTML(renderRecordHtml(hostile));

    // Assess
    expect(document.querySelectorAll('script, img, svg, iframe').length).toBe(0);
    const attributes = [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
    expect(attributes.filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
    expect(document.querySelector('.text')?.textContent).toBe(text);
    expect(document.querySelector('h1')?.textContent).toBe(`</title>${HOSTILE}`);
    expect(document.querySelector('title')?.textContent).toBe(`</title>${HOSTILE} · newsflow`);
    expect(document.querySelector('.text mark.ent.PERSON')?.getAttribute('title')).toBe(
      `PERSON · Kim ${HOSTILE}`,
    );
    expect(document.querySelector('aside')?.textContent).toContain(`raw/${HOSTILE}`);
    expect(document.documentElement.getAttribute('lang')).toBe('"><script>alert(5)</script>');
  });

  it('allows no scripts at all, whatever a page contains', () => {
    // Act
    const { document } = parseHTML(renderRecordHtml(withText('text')));

    // Assess
    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toMatch(/^default-src 'none'; style-src 'unsafe-inline'$/);
  });

  it.each([
    ['metadata', '2019-12-20', '2019-12-20 (publication date)'],
    ['dateline', '2019-12-20', '2019-12-20 (dateline)'],
    ['upload', undefined, '2019-12-21 (upload day: a guess)'],
  ] as const)('says where the reference date came from (%s)', (source, publishedAt, shown) => {
    // Prepare
    const { publishedAt: _published, ...base } = withText('Kim left on Friday.');
    const stored: ArticleRecord = {
      ...base,
      ...(publishedAt === undefined ? {} : { publishedAt }),
      referenceDate: publishedAt ?? '2019-12-21',
      referenceDateSource: source,
    };

    // Act
    const { document } = parseHTML(renderRecordHtml(stored));

    // Assess
    const terms = [...document.querySelectorAll('aside dt')].map((dt) => dt.textContent);
    const values = [...document.querySelectorAll('aside dd')].map((dd) => dd.textContent);
    expect(values[terms.indexOf('reference date')]).toBe(shown);
  });

  it('highlights code point offsets correctly after astral characters, with type and canonical name', () => {
    // Prepare: emoji and a flag take two UTF-16 units per code point; offsets in records are code points.
    const text = '😀 Kim met 🇰🇷 President Moon in Seoul on Friday. 𝒳';
    const mentions = [
      { text: 'Kim', type: 'PERSON' as const, canonical: 'Kim Jong Un', ...span(text, 'Kim') },
      { text: 'Moon', type: 'PERSON' as const, canonical: 'Moon Jae-in', ...span(text, 'Moon') },
      { text: 'Seoul', type: 'LOCATION' as const, canonical: 'Seoul', ...span(text, 'Seoul') },
    ];

    // Act
    const { document } = parseHTML(
      renderRecordHtml(
        withText(text, {
          entities: mentions,
          entitySummary: mentions.map((m) => ({ canonical: m.canonical, type: m.type, mentions: 1 })),
          dates: [{ text: 'Friday', type: 'DATE', value: '2019-12-20', rule: 'x', ...span(text, 'Friday') }],
        }),
      ),
    );

    // Assess
    const marks = [...document.querySelectorAll('.text mark')].map((m) => [
      m.textContent,
      m.getAttribute('title'),
    ]);
    expect(marks).toEqual([
      ['Kim', 'PERSON · Kim Jong Un'],
      ['Moon', 'PERSON · Moon Jae-in'],
      ['Seoul', 'LOCATION · Seoul'],
      ['Friday', 'DATE · 2019-12-20'],
    ]);
    expect(document.querySelector('.text')?.textContent).toBe(text);
  });

  it('marks text covered by an entity and a date with both', () => {
    // Prepare
    const text = 'They met on Christmas Day in Seoul.';
    const christmas = span(text, 'Christmas');

    // Act
    const { document } = parseHTML(
      renderRecordHtml(
        withText(text, {
          entities: [{ text: 'Christmas', type: 'MISC', canonical: 'Christmas', ...christmas }],
          entitySummary: [{ canonical: 'Christmas', type: 'MISC', mentions: 1 }],
          dates: [
            {
              text: 'Christmas Day',
              type: 'DATE',
              value: '2019-12-25',
              rule: 'x',
              ...span(text, 'Christmas Day'),
            },
          ],
        }),
      ),
    );

    // Assess
    const dateMarks = [...document.querySelectorAll('.text mark.date')].map((m) => m.textContent).join('');
    const nested = document.querySelector('mark.date mark.ent.MISC, mark.ent.MISC mark.date');
    expect(dateMarks).toBe('Christmas Day');
    expect(nested?.textContent).toBe('Christmas');
    expect(document.querySelector('.text')?.textContent).toBe(text);
  });

  it('groups the entities by type in the side panel, most mentioned first, and lists dates by value', () => {
    // Prepare
    const r = withText('x', {
      entitySummary: [
        { canonical: 'Seoul', type: 'LOCATION', mentions: 2 },
        { canonical: 'Kim Jong Un', type: 'PERSON', mentions: 1 },
        { canonical: 'Biegun', type: 'PERSON', mentions: 4 },
      ],
      dates: [
        { text: 'Friday', type: 'DATE', value: '2019-12-20', rule: 'x', start: 0, end: 1 },
        { text: 'Dec. 20', type: 'DATE', value: '2019-12-20', rule: 'x', start: 0, end: 1 },
      ],
    });

    // Act
    const { document } = parseHTML(renderRecordHtml(r));

    // Assess
    expect([...document.querySelectorAll('aside h3')].map((h) => h.textContent)).toEqual([
      'person 2',
      'location 1',
    ]);
    expect([...document.querySelectorAll('aside li mark.ent')].map((m) => m.textContent)).toEqual([
      'Biegun',
      'Kim Jong Un',
      'Seoul',
    ]);
    expect(document.querySelector('aside code')?.parentNode?.textContent).toBe(
      '2019-12-20 “Friday”, “Dec. 20”',
    );
  });

  it('lists dates in the order the text first mentions them, naming only types other than DATE', () => {
    // Prepare
    const text = 'For two weeks, until Friday, then every Monday since 2018.';
    const at = (t: string) => span(text, t);
    const r = withText(text, {
      dates: [
        { text: '2018', type: 'DATE', value: '2018', rule: 'x', ...at('2018') },
        { text: 'every Monday', type: 'SET', value: 'XXXX-WXX-1', rule: 'x', ...at('every Monday') },
        { text: 'Friday', type: 'DATE', value: '2019-12-20', rule: 'x', ...at('Friday') },
        { text: 'two weeks', type: 'DURATION', value: 'P2W', rule: 'x', ...at('two weeks') },
      ],
    });

    // Act
    const { document } = parseHTML(renderRecordHtml(r));

    // Assess
    expect([...document.querySelectorAll('aside ul.dates li')].map((li) => li.textContent)).toEqual([
      'duration P2W “two weeks”',
      '2019-12-20 “Friday”',
      'set XXXX-WXX-1 “every Monday”',
      '2018 “2018”',
    ]);
  });

  it('links each entity of the panel to its mentions in the text', () => {
    // Prepare
    const text = 'Kim met Moon. Kim left. Kim returned.';
    const kims = [0, 14, 24].map((start) => ({
      text: 'Kim',
      type: 'PERSON' as const,
      canonical: 'Kim Jong Un',
      start,
      end: start + 3,
    }));
    const r = withText(text, {
      entities: kims,
      entitySummary: [{ canonical: 'Kim Jong Un', type: 'PERSON', mentions: 3 }],
    });

    // Act
    const { document } = parseHTML(renderRecordHtml(r));

    // Assess
    const targets = [...document.querySelectorAll('aside li a')].map((a) => a.getAttribute('href')!.slice(1));
    expect(targets).toHaveLength(3);
    const mentions = targets.map((id) => document.getElementById(id));
    expect(mentions.map((m) => m?.textContent)).toEqual(['Kim', 'Kim', 'Kim']);
    expect(new Set(mentions).size).toBe(3);
    expect(mentions[0]?.closest('.text')).not.toBeNull();
  });

  it('names an untitled article by its key and gives the id a row of its own', () => {
    // Prepare
    const { title: _title, ...untitled } = withText('x');

    // Act
    const { document } = parseHTML(renderRecordHtml(untitled));

    // Assess
    expect(document.querySelector('h1')?.textContent).toMatch(/^raw\//);
    expect(document.querySelector('aside dd.id')?.textContent).toMatch(/^[0-9a-f]{32}$/);
  });

  it('shows the reference date with its source and the locale numeric dates were read by', () => {
    // Prepare
    const r = { ...withText('x'), referenceDateSource: 'upload' as const, locale: 'en-GB' };

    // Act
    const { document } = parseHTML(renderRecordHtml(r));

    // Assess
    const rows = [...document.querySelectorAll('aside dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reference date: .*upload day: a guess/),
        'locale: en-GB',
      ]),
    );
  });

  it.each([
    ['a rejected upload', record({ key: 'raw/empty.txt', status: 'rejected' }), /Rejected: EMPTY/],
    [
      'a record whose text is in S3',
      withoutText({ ...withText('x'), textRef: { bucket: 'processed', key: 'articles/a.json' } }),
      /s3:\/\/processed\/articles\/a\.json/,
    ],
  ])('says why there is no text for %s', (_name, r, notice) => {
    // Act
    const { document } = parseHTML(renderRecordHtml(r, undefined));

    // Assess
    expect(document.querySelector('.notice')?.textContent).toMatch(notice);
  });

  it.each([
    ['<', '&#60;'],
    ['"', '&#34;'],
    ["'", '&#39;'],
    ['&amp;', '&#38;amp;'],
  ])('escapes %j', (raw, escaped) => {
    // Act + Assess
    expect(esc(raw)).toBe(escaped);
  });
});

describe('newsflow view', () => {
  let table: SeededTable;
  let dir: string;

  beforeAll(async () => {
    table = await startTable('dynalite');
    await table.write([
      {
        ...record({
          key: 'raw/a.txt',
          title: 'Kim <b>Jong</b> Un',
          publishedAt: '2019-12-20',
          entities: [['Kim Jong Un', 'PERSON']],
        }),
        text: 'Kim Jong Un spoke.',
        entities: [{ text: 'Kim Jong Un', type: 'PERSON', canonical: 'Kim Jong Un', start: 0, end: 11 }],
      },
    ]);
    dir = tableOnlyDataDir(table, 'newsflow-view-');
  }, 60_000);

  afterAll(async () => {
    await table?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['its id', idOf('raw/a.txt')],
    ['its key', 'raw/a.txt'],
    ['its S3 URL', 's3://newsflow-raw/raw/a.txt'],
  ])('writes the page of a stored record named by %s and prints its path', async (_how, ref) => {
    // Prepare
    const out = join(dir, 'a.html');

    // Act
    const run = await newsflow(['view', ref, '--data-dir', dir, '--out', out]);

    // Assess
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: out });
    const { document } = parseHTML(readFileSync(out, 'utf8'));
    expect(document.querySelector('h1')?.textContent).toBe('Kim <b>Jong</b> Un');
    expect(document.querySelector('.text mark.ent.PERSON')?.textContent).toBe('Kim Jong Un');
  });

  it.each([
    [['view', '0'.repeat(32)], 1, /no article 0{32}/],
    [
      ['view', 'nope'],
      1,
      /^no article s3:\/\/newsflow-raw\/nope in .*\(keys include their prefix: try raw\/nope\)$/m,
    ],
    [
      ['view', 's3://bucket-only'],
      2,
      /^newsflow: "s3:\/\/bucket-only" is not an S3 URL: expected s3:\/\/BUCKET\/KEY$/m,
    ],
    [['view'], 2, /view needs one article: an ID, a KEY/],
  ])('answers %j with exit code %i', async (args, code, message) => {
    // Act
    const run = await newsflow([...args, '--data-dir', dir, '--out', join(dir, 'x.html')]);

    // Assess
    expect(run.status).toBe(code);
    expect(run.stderr).toMatch(message);
  });
});

/** The Chromium binary, if one is installed. */
function chromiumBinary(): string | undefined {
  return ['chromium', 'chromium-browser', 'google-chrome'].find(
    (bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0,
  );
}

/** Headless Chromium flags: nothing leaves the machine (a dead proxy catches any request). */
function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--metrics-recording-only',
    '--no-pings',
    '--proxy-server=http://127.0.0.1:9',
    `--user-data-dir=${profile}`,
    '--hide-scrollbars',
  ];
}

const CHROMIUM = chromiumBinary();

if (CHROMIUM) {
  describe('newsflow view in headless Chromium', () => {
    let dir: string;
    let seedPage: string;

    beforeAll(async () => {
      // Prepare: the seed article as the pipeline records it (real cleaner and taggers), viewed from a record file.
      dir = mkdtempSync(join(tmpdir(), 'newsflow-chromium-'));
      const bytes = readFileSync(join(ROOT, 'samples', 'seed-korea-2019-12-20.txt'));
      const source = {
        bucket: 'newsflow-raw',
        key: 'raw/seed-korea-2019-12-20.txt',
        eTag: 'etag',
        size: bytes.length,
        sequencer: '1',
        eventTime: '2019-12-20T12:00:00.000Z',
      };
      const doc = createProcessedDocument({ bytes, key: source.key, contentType: 'text/plain' }, source, {
        cleanedAt: '2019-12-20T12:00:01.000Z',
      });
      const seed = buildRecord(doc, {
        taggers: loadTaggers(),
        ingestedAt: '2019-12-20T12:00:02.000Z',
        textRef: { bucket: 'newsflow-processed', key: 'articles/x.json' },
      });
      writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed));
      seedPage = join(dir, 'seed.html');
      const run = await newsflow(['view', '--record', join(dir, 'seed.json'), '--out', seedPage]);
      expect(run.status).toBe(0);
    }, 120_000);

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('renders the seed article legibly: highlighted text, side panel, screenshot in test-output/', () => {
      // Prepare
      mkdirSync(OUTPUT, { recursive: true });
      const screenshot = join(OUTPUT, 'seed-korea-2019-12-20.png');
      rmSync(screenshot, { force: true });

      // Act
      const shot = spawnSync(
        CHROMIUM,
        [
          ...chromiumArgs(join(dir, 'profile')),
          '--window-size=1280,1600',
          `--screenshot=${screenshot}`,
          `file://${seedPage}`,
        ],
        { encoding: 'utf8', timeout: 90_000 },
      );
      const dom = spawnSync(
        CHROMIUM,
        [...chromiumArgs(join(dir, 'profile')), '--dump-dom', `file://${seedPage}`],
        {
          encoding: 'utf8',
          timeout: 90_000,
        },
      );

      // Assess
      expect(shot.status).toBe(0);
      expect(existsSync(screenshot)).toBe(true);
      // A blank 1280×1600 page compresses to a few KB; text, highlights and panels take far more.
      expect(statSync(screenshot).size).toBeGreaterThan(60_000);
      const { document } = parseHTML(dom.stdout);
      expect(document.querySelectorAll('.text mark.ent').length).toBeGreaterThan(20);
      expect(document.querySelectorAll('.text mark.date').length).toBeGreaterThan(5);
      expect(document.querySelectorAll('aside li').length).toBeGreaterThan(10);
      console.log(`newsflow view screenshot of the seed article: ${screenshot}`);
    });

    it('runs no script from a hostile article in the browser', async () => {
      // Prepare
      const text = `${HOSTILE}<img src=x onerror="document.title='owned'">`;
      const path = join(dir, 'hostile.json');
      writeFileSync(
        path,
        JSON.stringify(withText(text, { title: `Safe<script>document.title='owned'</script>` })),
      );
      const page = join(dir, 'hostile.html');
      await newsflow(['view', '--record', path, '--out', page]);

      // Act
      const dom = spawnSync(
        CHROMIUM,
        [...chromiumArgs(join(dir, 'profile')), '--dump-dom', `file://${page}`],
        {
          encoding: 'utf8',
          timeout: 90_000,
        },
      );

      // Assess
      const { document } = parseHTML(dom.stdout);
      expect(document.querySelector('title')?.textContent).toBe(
        `Safe<script>document.title='owned'</script> · newsflow`,
      );
      expect(document.querySelectorAll('script, img, svg').length).toBe(0);
      expect(document.querySelector('.text')?.textContent).toBe(text);
    });
  });
} else {
  describe('newsflow view in headless Chromium', () => {
    it.todo('needs Chromium for the rendering check and screenshot: apt-get install -y chromium');
  });
}
