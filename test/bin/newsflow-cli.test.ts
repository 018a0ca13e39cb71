import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function newsflow(
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): { stdout: string; stderr: string; status: number | null } {
  const out = spawnSync(
    process.execPath,
    ['--openssl-legacy-provider', '--import', 'tsx', join(ROOT, 'bin', 'newsflow.ts'), ...args],
    { cwd: ROOT, input, env, encoding: 'utf8', timeout: 120_000 },
  );
  return { stdout: out.stdout, stderr: out.stderr, status: out.status };
}

describe('newsflow tag --jsonl (the evaluation contract)', () => {
  it('answers every input line with one JSON line, in order, and nothing else on stdout', () => {
    // Prepare
    const docs = Array.from({ length: 50 }, (_, i) => ({
      id: `doc-${i}`,
      text: i % 2 ? 'Kim Jong Un met officials in Seoul on Friday .' : '😀 Angela Merkel spoke in Berlin .',
      published: '2019-12-20',
    }));
    const input = `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`;

    // Act
    const { stdout, status } = newsflow(['tag', '--jsonl'], input);

    // Assess
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(docs.map((d) => d.id));
    for (const [i, line] of lines.entries()) {
      expect(Array.isArray(line.entities)).toBe(true);
      expect(Array.isArray(line.dates)).toBe(true);
      const chars = Array.from(docs[i]!.text);
      for (const e of line.entities) expect(chars.slice(e.start, e.end).join('')).toBe(e.text);
    }
  });

  it('answers a malformed line with an error line and keeps going', () => {
    // Prepare
    const input = [
      '{"id":"a","text":"Seoul ."}',
      'not json',
      '{"id":"c","text":42}',
      '{"id":"d","text":"Tokyo ."}',
    ].join('\n');

    // Act
    const { stdout, stderr, status } = newsflow(['tag', '--jsonl'], input);

    // Assess
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, 'error' in l])).toEqual([
      ['a', false],
      [null, true],
      ['c', true],
      ['d', false],
    ]);
    expect(stderr).toContain('line 2');
    expect(status).toBe(1);
  });
});

describe('newsflow usage', () => {
  it.each(['start', 'ingest', 'process', 'status', 'redrive', 'reprocess', 'reconcile', 'tag', 'view'])(
    'prints the usage of %s for --help, and exits 0',
    (command) => {
      // Act
      const { stdout, status } = newsflow([command, '--help']);

      // Assess
      expect(status).toBe(0);
      expect(stdout).toMatch(new RegExp(`^usage:\\n {2}newsflow ${command} `));
    },
  );

  it.each([
    ['tag', ['--bogus']],
    ['status', ['--nope']],
    ['process', ['--pretty=yes', 'x.txt']],
    ['reconcile', ['--dry']],
  ])('answers a wrong option of %s with its usage and exit 2, not a stack trace', (command, args) => {
    // Act
    const { stdout, stderr, status } = newsflow([command, ...args]);

    // Assess
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^newsflow: /);
    expect(stderr).toContain(`newsflow ${command} `);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ['no region', {}, /^newsflow: no AWS region: pass --region/],
    ['no credentials', { AWS_REGION: 'eu-west-1' }, /^newsflow: no AWS credentials \(/],
  ])('reports %s for a deployed stack in one line, without a stack trace', (_case, extra, message) => {
    // Prepare: an environment with no AWS configuration at all (and no instance metadata to ask).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...extra,
    };

    // Act
    const { stderr, status } = newsflow(['status', '--stack', 'Newsflow'], undefined, env);

    // Assess
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each(['status', 'reconcile', 'reprocess'])(
    'reports a missing local runtime for %s in one line, without a stack trace',
    (command) => {
      // Act
      const { stderr, status } = newsflow([command, '--data-dir', join(tmpdir(), 'newsflow-no-runtime')]);

      // Assess
      expect(status).toBe(2);
      expect(stderr).toMatch(/^newsflow: No local runtime found /);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('treats --help after -- as an operand', () => {
    // Act
    const { stderr, status } = newsflow(['process', '--', '--help']);

    // Assess
    expect(status).toBe(2);
    expect(stderr).toContain('--help');
    expect(stderr).not.toContain('usage:');
  });
});

describe('newsflow mistakes', () => {
  const work = mkdtempSync(join(tmpdir(), 'newsflow-mistakes-'));
  /** A data directory whose state file names a runtime process and endpoints. */
  const stateDir = (name: string, pid: number, endpoint: string): string => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    const state = {
      s3Endpoint: endpoint,
      dynamodbEndpoint: endpoint,
      controlEndpoint: endpoint,
      names: { rawBucket: 'newsflow-raw', rawPrefix: 'raw/', processedBucket: 'p', table: 't' },
      pid,
    };
    writeFileSync(join(dir, 'runtime.json'), JSON.stringify(state));
    return dir;
  };
  // Nothing listens on port 9 (discard) here; pid 2^22 + 1 is above Linux's pid range, so never alive.
  const deadPid = 4_194_305;
  const held = createServer();
  let heldPort = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    heldPort = (held.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => held.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    [
      'ingest of a missing path',
      () => ['ingest', join(work, 'no-such-file.txt')],
      /No such file or directory: .*no-such-file\.txt/,
    ],
    [
      'query with no runtime',
      () => ['query', 'published', '2019-12-20', '--data-dir', join(work, 'empty')],
      /No local runtime found .*npm start/,
    ],
    [
      'query after the runtime was killed',
      () => [
        'query',
        'article',
        'raw/x.txt',
        '--data-dir',
        stateDir('killed', deadPid, 'http://127.0.0.1:9'),
      ],
      /pid 4194305\) is no longer running: start it again/,
    ],
    [
      'query of a runtime that does not answer',
      () => [
        'query',
        'article',
        'raw/x.txt',
        '--data-dir',
        stateDir('silent', process.pid, 'http://127.0.0.1:9'),
      ],
      /nothing answers there: is `npm start` running\?/,
    ],
    [
      'ingest into a runtime that does not answer',
      () => [
        'ingest',
        join(ROOT, 'samples'),
        '--data-dir',
        stateDir('silent-ingest', process.pid, 'http://127.0.0.1:9'),
      ],
      /Cannot upload to s3:\/\/newsflow-raw: nothing answers there/,
    ],
    [
      'start on a port in use',
      () => [
        'start',
        '--once',
        '--no-samples',
        '--s3-port',
        String(heldPort),
        '--dynamodb-port',
        '0',
        '--data-dir',
        join(work, 'ports'),
      ],
      /S3 port \d+ is in use, probably by another newsflow runtime .*--s3-port 0 --dynamodb-port 0 --data-dir DIR/,
    ],
    [
      'start on a data directory another runtime holds',
      () => {
        const dir = join(work, 'held');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'runtime.lock'), `${process.pid}\n`);
        return [
          'start',
          '--once',
          '--no-samples',
          '--s3-port',
          '0',
          '--dynamodb-port',
          '0',
          '--data-dir',
          dir,
        ];
      },
      /Another newsflow runtime \(pid \d+\) is using .*held: stop it, or start this one with --data-dir OTHER_DIR/,
    ],
    ['an unknown command', () => ['serve'], /unknown command "serve": `newsflow --help` lists the commands/],
    [
      'a wrong option',
      () => ['ingest', '--bukket', 'b', 'x.txt'],
      /Unknown option '--bukket'.*`newsflow ingest --help` shows the usage/,
    ],
    ['view without an article', () => ['view'], /view needs one article: an ID, a KEY/],
    [
      'a day that is not one',
      () => ['query', 'published', 'yesterday', '--data-dir', join(work, 'empty')],
      /expected DAY \(YYYY-MM-DD\), DAY\.\.DAY, YYYY-MM or unknown/,
    ],
  ])('%s: one line with what to do, and a non-zero exit', (_mistake, args, message) => {
    // Act
    const { stdout, stderr, status } = newsflow(args(), undefined, { ...process.env, NEWSFLOW_DEBUG: '' });

    // Assess
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    // The upload progress line is a report, not part of the error.
    const lines = stderr
      .trim()
      .split('\n')
      .filter((l) => !/^ingest → .* done/.test(l));
    expect(lines).toEqual([expect.stringMatching(/^newsflow: /)]);
    expect(stderr).toMatch(message);
  });

  it.each([
    ['--debug', ['ingest', '--debug', '/no/such/path'], {}],
    ['NEWSFLOW_DEBUG=1', ['ingest', '/no/such/path'], { NEWSFLOW_DEBUG: '1' }],
  ])('prints the stack trace after the line with %s', (_how, args, env) => {
    // Act
    const { stderr, status } = newsflow(args, undefined, { ...process.env, ...env });

    // Assess
    expect(status).toBe(2);
    expect(stderr).toMatch(/^newsflow: No such file or directory: \/no\/such\/path/);
    expect(stderr).toMatch(/^\s+at /m);
  });
});

describe('newsflow process', () => {
  it('prints the record the Lambdas would write for the seed article', () => {
    // Act
    const { stdout, status } = newsflow(['process', join(ROOT, 'samples', 'seed-korea-2019-12-20.txt')]);

    // Assess
    expect(status).toBe(0);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({
      status: 'processed',
      publishedAt: '2019-12-20',
      referenceDate: '2019-12-20',
    });
    expect(record.text).not.toMatch(/Loading\.\.\./);
    expect(record.entities.length).toBeGreaterThan(10);
  });
});

describe('newsflow process, files it should not read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsflow-process-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a file over the size cap from its size, as the clean stage does', () => {
    // Prepare: a sparse 3 GiB file (reading it whole would fail before any check).
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);

    // Act
    const { stdout, status } = newsflow(['process', big]);

    // Assess
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'rejected',
      rejection: { code: 'TOO_LARGE' },
      source: { size: 3 * 1024 ** 3 },
    });
  });

  it('stops quietly when its reader closes the pipe early', () => {
    // Act
    const out = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" --import tsx bin/newsflow.ts process samples | head -c 10`],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );

    // Assess
    expect(out.stdout).toHaveLength(10);
    expect(out.stderr).toBe('');
  });
});

describe('newsflow start --once', () => {
  it('ingests the bundled samples through the embedded runtime and prints their records', () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'newsflow-start-'));

    // Act
    const { stdout, status, stderr } = newsflow([
      'start',
      '--once',
      '--fresh',
      '--s3-port',
      '0',
      '--dynamodb-port',
      '0',
      '--data-dir',
      dataDir,
    ]);
    rmSync(dataDir, { recursive: true, force: true });

    // Assess
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toMatch(/seed-korea-2019-12-20\.txt\s+processed/);
    expect(stdout).toContain('2019-12-20');
  });
});
