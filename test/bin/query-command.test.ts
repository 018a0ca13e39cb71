import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDays } from '../../bin/cli/query-command';
import { STACK_OUTPUTS } from '../../lib/stack-outputs';
import { LOCAL_AWS_ENV, newsflow as runCli, tableOnlyDataDir } from '../helpers/cli';
import { idOf, record, type SeededTable, startTable } from '../reader/seed';

/** The CLI with placeholder credentials: these commands talk to local APIs only. */
const newsflow = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { env: { ...LOCAL_AWS_ENV, ...env } });

/** Article ids in the order the CLI printed them (its table rows, or its JSON lines). */
function printedIds(stdout: string): string[] {
  return [...stdout.matchAll(/\b([0-9a-f]{32})\b/g)].map((m) => m[1]!);
}

/**
 * A stand-in for CloudFormation's DescribeStacks (the query protocol the SDK speaks), so `--stack` runs the real
 * SDK call against 127.0.0.1.
 */
function startCloudFormation(stacks: Record<string, Record<string, string>>): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const name = params.get('StackName') ?? '';
      const outputs = stacks[name];
      res.setHeader('content-type', 'text/xml');
      if (params.get('Action') !== 'DescribeStacks' || outputs === undefined) {
        res.statusCode = 400;
        res.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${name} does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
        );
        return;
      }
      const members = Object.entries(outputs)
        .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
        .join('');
      res.end(
        `<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>${name}</StackName><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/${name}/1</StackId><CreationTime>2019-12-20T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('newsflow query', () => {
  let table: SeededTable;
  let dataDir: string;
  let local: string[];

  beforeAll(async () => {
    table = await startTable('dynalite');
    await table.write([
      record({
        key: 'raw/a.txt',
        title: 'Kim Jong Un warns Washington',
        publishedAt: '2019-12-20T09:00:00+09:00',
        entities: [['Kim Jong Un', 'PERSON', 3]],
        dates: ['2019-12-20'],
      }),
      record({ key: 'raw/b.txt', title: 'Talks stall', publishedAt: '2019-12-18', dates: ['2019-12'] }),
      record({
        key: 'raw/c.txt',
        title: 'Pyongyang silent',
        publishedAt: '2019-12-02',
        entities: [['Kim Jong Un', 'ORGANIZATION']],
        dates: ['2019-12-31'],
      }),
      record({ key: 'raw/d.txt', title: 'Last year', publishedAt: '2018-12-20', dates: ['2019'] }),
      record({ key: 'raw/e.txt', uploadDay: '2019-12-22' }),
      record({ key: 'raw/f.txt', title: 'Undated too', uploadDay: '2019-12-23' }),
    ]);
    // What `newsflow start` writes, so the CLI finds "the running local runtime".
    dataDir = tableOnlyDataDir(table, 'newsflow-query-');
    local = ['--data-dir', dataDir];
  }, 60_000);

  afterAll(async () => {
    await table?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const id = (letter: string) => idOf(`raw/${letter}.txt`);

  it.each([
    [
      ['published', '2019-12-01..2019-12-31'],
      ['a', 'b', 'c'],
    ],
    [
      ['published', '2019-12'],
      ['a', 'b', 'c'],
    ],
    [['published', '2019-12-20'], ['a']],
    [
      ['entity', 'Kim', 'Jong', 'Un'],
      ['a', 'c'],
    ],
    [['entity', 'kim jong un', '--type', 'person'], ['a']],
    [['entity', 'Kim Jong Un', '--from', '2019-12-10'], ['a']],
    [
      ['mentions', '2019-12'],
      ['a', 'b', 'c'],
    ],
    [
      ['mentions', '2019'],
      ['a', 'b', 'c', 'd'],
    ],
    [
      ['published', 'unknown'],
      ['f', 'e'],
    ],
    [['published', 'unknown', '--to', '2019-12-22'], ['e']],
  ])('query %j lists the matching articles newest first', async (args, letters) => {
    // Act
    const out = await newsflow(['query', ...args, ...local]);

    // Assess
    expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
    expect(printedIds(out.stdout)).toEqual(letters.map(id));
    expect(out.stdout.split('\n')[0]).toMatch(/^published\s+key\s+title\s+article/);
  });

  it('shows the key of every hit, and "(untitled)" for an article without a title', async () => {
    // Act
    const out = await newsflow(['query', 'published', 'unknown', ...local]);

    // Assess
    const rows = out.stdout.trim().split('\n').slice(2);
    expect(rows).toEqual([
      expect.stringMatching(/^2019-12-23\S* \(uploaded\)\s+raw\/f\.txt\s+Undated too\s+[0-9a-f]{32}$/),
      expect.stringMatching(/^2019-12-22\S* \(uploaded\)\s+raw\/e\.txt\s+\(untitled\)\s+[0-9a-f]{32}$/),
    ]);
  });

  it.each([
    ['its key, as uploaded', 'raw/b.txt'],
    ['its S3 URL', 's3://newsflow-raw/raw/b.txt'],
    ['its id', idOf('raw/b.txt')],
  ])('finds one article by %s', async (_how, ref) => {
    // Act
    const out = await newsflow(['query', 'article', ref, '--json', ...local]);

    // Assess
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ id: id('b'), source: { key: 'raw/b.txt' } });
  });

  it('prints one JSON line per hit with --json, entity matches included', async () => {
    // Act
    const out = await newsflow(['query', 'entity', 'Kim Jong Un', '--json', ...local]);

    // Assess
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        articleId: id('a'),
        matches: [{ type: 'PERSON', canonical: 'Kim Jong Un', mentions: 3 }],
      }),
      expect.objectContaining({
        articleId: id('c'),
        matches: [{ type: 'ORGANIZATION', canonical: 'Kim Jong Un', mentions: 1 }],
      }),
    ]);
  });

  it('pages with --limit, printing the cursor that --cursor resumes from', async () => {
    // Act
    const first = await newsflow(['query', 'mentions', '2019', '--limit', '3', ...local]);
    const cursor = /--cursor (\S+)/.exec(first.stderr)?.[1] ?? '';
    const rest = await newsflow(['query', 'mentions', '2019', '--limit', '3', '--cursor', cursor, ...local]);

    // Assess
    expect(printedIds(first.stdout)).toEqual(['a', 'b', 'c'].map(id));
    expect(printedIds(rest.stdout)).toEqual([id('d')]);
    expect(rest.stderr).not.toContain('--cursor');
  });

  it('prints full records with --records, and one record for query article', async () => {
    // Act
    const records = await newsflow(['query', 'entity', 'Kim Jong Un', '--records', ...local]);
    const article = await newsflow(['query', 'article', id('b'), ...local]);

    // Assess
    expect(
      records.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).title),
    ).toEqual(['Kim Jong Un warns Washington', 'Pyongyang silent']);
    expect(JSON.parse(article.stdout)).toMatchObject({
      id: id('b'),
      title: 'Talks stall',
      status: 'processed',
    });
  });

  it('reports the read units DynamoDB consumed with --capacity', async () => {
    // Act
    const out = await newsflow(['query', 'published', '2019-12-18..2019-12-20', '--capacity', ...local]);

    // Assess
    expect(out.stderr).toMatch(/^consumed [\d.]+ read units \(table [\d.]+, index [\d.]+\) in 3 requests$/m);
  });

  it.each([
    [['article', '0'.repeat(32)], 1, /no article 0{32}/],
    [['mentions', 'P2Y'], 2, /newsflow: Not a calendar value/],
    [['published', '2019-12-31..2019-12-01'], 2, /newsflow: from \(2019-12-31\) is after to/],
    [['entity', 'Kim', '--type', 'PEOPLE'], 2, /newsflow: Unknown entity type "PEOPLE"/],
    [['mentions', '2019', '--cursor', 'bogus'], 2, /newsflow: Malformed cursor/],
    [['nonsense'], 2, /unknown query "nonsense"/],
    [
      ['article', 'b.txt'],
      1,
      /^no article s3:\/\/newsflow-raw\/b\.txt in .* \(keys include their prefix: try raw\/b\.txt\)$/m,
    ],
    [['article', 's3://newsflow-raw'], 2, /newsflow: "s3:\/\/newsflow-raw" is not an S3 URL/],
    [
      ['published', 'someday'],
      2,
      /newsflow: expected DAY \(YYYY-MM-DD\), DAY\.\.DAY, YYYY-MM or unknown, got "someday"/,
    ],
  ])('answers %j with exit code %i and a one-line reason', async (args, code, message) => {
    // Act
    const out = await newsflow(['query', ...(args as string[]), ...local]);

    // Assess
    expect(out.status).toBe(code);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('reads a deployed stack: the table from its outputs, with the usual AWS configuration', async () => {
    // Prepare
    const cloudFormation = await startCloudFormation({
      Newsflow: Object.fromEntries(
        Object.values(STACK_OUTPUTS).map((k) => [k, k === 'TableName' ? table.tableName : 'x']),
      ),
    });
    const env = {
      AWS_ENDPOINT_URL_CLOUDFORMATION: `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}`,
      AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
    };

    // Act
    const byStack = await newsflow(['query', 'published', '2019-12-20', '--stack', 'Newsflow'], env);
    const byTable = await newsflow(['query', 'published', '2019-12-20', '--table', table.tableName], env);
    const missing = await newsflow(['query', 'published', '2019-12-20', '--stack', 'Nope'], env);
    await new Promise((resolve) => cloudFormation.close(resolve));

    // Assess
    expect(printedIds(byStack.stdout)).toEqual([id('a')]);
    expect(printedIds(byTable.stdout)).toEqual([id('a')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Stack with id Nope does not exist/);
  });

  it('says how to start a runtime when none is running', async () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'newsflow-query-empty-'));

    // Act
    const out = await newsflow(['query', 'published', '2019-12-20', '--data-dir', empty]);
    rmSync(empty, { recursive: true, force: true });

    // Assess
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/No local runtime found .*npm start/);
  });
});

describe('parseDays', () => {
  it.each([
    ['2019-12-20', { from: '2019-12-20', to: '2019-12-20' }],
    ['2019-12-01..2019-12-31', { from: '2019-12-01', to: '2019-12-31' }],
    ['2020-02', { from: '2020-02-01', to: '2020-02-29' }],
    ['2019-02', { from: '2019-02-01', to: '2019-02-28' }],
  ])('reads %s', (spec, range) => {
    // Act + Assess
    expect(parseDays(spec)).toEqual(range);
  });

  it.each(['..2019-12-01', '2019-12-01..', 'a..b..c'])('rejects %s', (spec) => {
    // Act + Assess
    expect(() => parseDays(spec)).toThrow(/expected DAY/);
  });
});
