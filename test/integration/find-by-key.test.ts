import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { newsflow } from '../helpers/cli';
import { wordTaggers } from '../helpers/fixtures';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

/**
 * What a new user does: upload a file under a key of their choosing, then look at it by that key. No id is
 * computed anywhere; the runtime is the real local one (S3 API, queues, both stages, DynamoDB API).
 */
describe('from an upload to its page by key, with no article id', () => {
  let p: TestPipeline;
  let out: string;
  // A plain-text scrape with page furniture and a dateline where a headline would be.
  const scrape = [
    'Loading...',
    'Skip to main content',
    'Menu  Search  Sign in',
    '',
    'WARSAW, Poland (AP) _',
    'Floodwaters forced thousands of people from their homes along the Vistula on Monday, officials said.',
    '',
    'Soldiers helped build barriers in Warsaw through the night.',
  ].join('\n');

  beforeAll(async () => {
    p = await startTestPipeline('dynalite', { taggers: wordTaggers({ Warsaw: 'LOCATION' }) });
    p.runtime.writeStateFile();
    out = mkdtempSync(join(tmpdir(), 'newsflow-by-key-'));
    await p.upload('raw/x.txt', scrape);
    await p.runtime.waitForIdle();
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the page of raw/x.txt, titled by its key since the text has no headline', async () => {
    // Prepare
    const page = join(out, 'x.html');

    // Act
    const run = await newsflow(['view', 'raw/x.txt', '--data-dir', p.runtime.dataDir, '--out', page]);

    // Assess
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const { document } = parseHTML(readFileSync(page, 'utf8'));
    expect(document.querySelector('h1')?.textContent).toBe('raw/x.txt');
    expect(document.querySelector('.text')?.textContent).toMatch(/^WARSAW, Poland \(AP\) _ Floodwaters/);
    expect(document.querySelector('.text')?.textContent).not.toMatch(/Menu|Sign in|Loading/);
  });

  it('reads the record by its S3 URL: no title from page furniture, the dateline read', async () => {
    // Act
    const run = await newsflow([
      'query',
      'article',
      's3://newsflow-raw/raw/x.txt',
      '--data-dir',
      p.runtime.dataDir,
    ]);

    // Assess
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record.source.key).toBe('raw/x.txt');
    expect(record.title).toBeUndefined();
    expect(record.dateline).toEqual({ place: 'Warsaw, Poland', agency: 'AP' });
  });

  it('lists it among articles without a publication date, by its key', async () => {
    // Act
    const run = await newsflow(['query', 'published', 'unknown', '--data-dir', p.runtime.dataDir]);

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[2]).toMatch(/\(uploaded\)\s+raw\/x\.txt\s+\(untitled\)\s+[0-9a-f]{32}$/);
  });
});
