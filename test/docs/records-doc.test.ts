import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityKey, lookupSkBetween, toTableItems } from '../../lambdas/adapters/article-table';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { ArticleReader, RECORD_CHANGES_FILTER } from '../../lambdas/reader';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'records.md'), 'utf8');
const FIXTURES = join(__dirname, 'fixtures');
/** The seed article under the key `npm start` gives it, so its id is the one the page uses. */
const SEED_KEY = 'raw/seed-korea-2019-12-20.txt';

/** One access pattern's examples, as the page writes them. */
interface Example {
  readonly name: string;
  readonly bash?: string;
  readonly python?: string;
}

/** The code blocks after each `<!-- check: NAME -->` marker, up to the next heading. */
function examplesOf(markdown: string): Example[] {
  return markdown
    .split(/^<!-- check: ([\w-]+) -->$/m)
    .slice(1)
    .reduce<Example[]>((out, part, i, parts) => {
      if (i % 2 === 1) return out;
      const body = (parts[i + 1] ?? '').split(/^#{1,6} /m)[0] ?? '';
      const block = (lang: string) =>
        new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(body)?.[1];
      const bash = block('bash');
      const python = block('python');
      out.push({ name: part, ...(bash ? { bash } : {}), ...(python ? { python } : {}) });
      return out;
    }, []);
}

/** What each documented pattern must print first on every line, per the reader (or the record). */
type Expectation = (reader: ArticleReader, seedId: string) => Promise<string[]>;

async function ids(iterable: AsyncIterable<{ articleId: string }>): Promise<string[]> {
  const out: string[] = [];
  for await (const hit of iterable) out.push(hit.articleId);
  return out;
}

const EXPECTATIONS: Record<string, Expectation> = {
  article: async (reader, seedId) => [(await reader.getArticle(seedId))?.id ?? 'missing'],
  'published-day': (reader) => ids(reader.listPublished({ from: '2019-12-20', to: '2019-12-20' })),
  'published-range': (reader) => ids(reader.listPublished({ from: '2019-12-16', to: '2019-12-20' })),
  entity: (reader) => ids(reader.findByEntity({ name: 'Kim Jong Un' })),
  'entity-related': (reader) => ids(reader.findByEntity({ name: 'North Korean', related: true })),
  'entity-type-range': (reader) =>
    ids(
      reader.findByEntity({ name: 'Kim Jong Un', type: 'PERSON' }, { from: '2019-12-01', to: '2019-12-31' }),
    ),
  mentions: (reader) => ids(reader.findByDateMention('2019-12')),
  'article-items': async (reader, seedId) => {
    const record = await reader.getArticle(seedId);
    return record
      ? toTableItems(record)
          .slice(1)
          .map((i) => i.pk)
      : [];
  },
};

/** Patterns whose output is a set (the order of an article's lookup items is not part of the contract). */
const UNORDERED = new Set(['article-items']);

function firstColumns(stdout: string): string[] {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => l.split('\t')[0]!.trim());
}

const EXAMPLES = examplesOf(DOC);

/** Runs a command to completion without blocking the event loop. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The first line a version command prints, or undefined when the tool is missing. */
function versionOf(command: string, args: string[]): string | undefined {
  const out = spawnSync(command, args, { encoding: 'utf8' });
  return out.status === 0 ? `${out.stdout}${out.stderr}`.trim().split('\n')[0] : undefined;
}

// Whatever versions are installed (Debian 12's awscli 2.9.19 and python3-boto3 1.26.27 included) run the
// examples; the test names say which ran.
const AWS_CLI = versionOf('aws', ['--version']);
const BOTO3 = versionOf('python3', ['-c', 'import boto3; print("boto3 " + boto3.__version__)']);
const TOOLS = {
  bash: {
    available: AWS_CLI !== undefined,
    version: AWS_CLI ?? '',
    hint: 'the AWS CLI (apt install awscli)',
  },
  python: {
    available: BOTO3 !== undefined,
    version: BOTO3 ?? '',
    hint: 'Python boto3 (apt install python3-boto3)',
  },
} as const;

describe('docs/records.md', () => {
  it('gives every access pattern an AWS CLI and a boto3 example, each checked below', () => {
    // Assess
    expect(EXAMPLES.map((e) => e.name).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const e of EXAMPLES)
      expect({ name: e.name, bash: !!e.bash, python: !!e.python }).toEqual({
        name: e.name,
        bash: true,
        python: true,
      });
  });

  it('shows the stream filter the reader library exports', () => {
    // Prepare
    const stream = DOC.slice(DOC.indexOf('## The stream'));
    const json = /```json\n([\s\S]*?)```/.exec(stream)?.[1];

    // Assess
    expect(JSON.parse(json ?? 'null')).toEqual(RECORD_CHANGES_FILTER);
  });

  it('uses the day-range bounds of the table design', () => {
    // Assess
    const [from, to] = lookupSkBetween('2019-12-01', '2019-12-31');
    expect(DOC).toContain(`BETWEEN "${from}" AND "${to}"`);
    expect(EXAMPLES.find((e) => e.name === 'entity-type-range')?.python).toContain(
      `between("${from}", "${to}")`,
    );
  });
});

describe('docs/records.md entity keys', () => {
  const names = [
    'U.S.',
    'American',
    'North Korean',
    'DPRK',
    'Washington-based',
    'Kim  Jong Un',
    'Mu\u0308ller',
    '-based',
  ];
  const python = EXAMPLES.find((e) => e.name === 'entity')?.python ?? '';
  // The page's own key function and alias table, without its query.
  const definitions = python.slice(0, python.indexOf('table = boto3'));

  if (!TOOLS.python.available)
    it.todo(`the Python key function needs ${TOOLS.python.hint}: not found, so it was not run`);
  else
    it('computes in Python the key the table module computes, for names with and without aliases', async () => {
      // Act
      const script = `${definitions}\nimport sys\nfor name in json.loads(sys.stdin.readline()):\n    print(entity_key(name)[1])\n`;
      const out = await run('python3', ['-c', script], process.env, `${JSON.stringify(names)}\n`);

      // Assess
      expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
      expect(out.stdout.trimEnd().split('\n')).toEqual(names.map(entityKey));
    });
});

describe('docs/records.md examples, run against the local runtime', () => {
  let pipeline: TestPipeline;
  let reader: ArticleReader;
  let seedId: string;

  beforeAll(async () => {
    pipeline = await startTestPipeline('dynalite');
    await pipeline.upload(SEED_KEY, readFileSync(join(ROOT, 'samples', 'seed-korea-2019-12-20.txt')));
    for (const name of readdirSync(FIXTURES)) {
      const type = name.endsWith('.html') ? 'text/html' : 'text/plain';
      await pipeline.upload(`raw/${name}`, readFileSync(join(FIXTURES, name)), type);
    }
    await pipeline.runtime.waitForIdle();
    seedId = articleIdFor(pipeline.runtime.names.rawBucket, SEED_KEY);
    reader = new ArticleReader({
      client: DynamoDBDocumentClient.from(pipeline.runtime.dynamodbClient),
      tableName: pipeline.runtime.names.table,
    });
  }, 120_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('runs against the id the page uses', () => {
    // Assess
    expect(DOC).toContain(seedId);
  });

  for (const lang of ['bash', 'python'] as const) {
    const tool = TOOLS[lang];
    if (!tool.available) {
      it.todo(`${lang} examples need ${tool.hint}: not found, so they were not run`);
      continue;
    }
    it.each(EXAMPLES.map((e) => [e.name, e] as const))(
      `${tool.version} example %s prints what the reader returns`,
      async (name, example) => {
        // Prepare
        const expected = await EXPECTATIONS[name]!(reader, seedId);
        // No AWS_ENDPOINT_URL: aws-cli before 2.13 and boto3 before 1.28 ignore it, so the examples must not
        // depend on it (a stray one from the machine would otherwise make them pass for the wrong reason).
        const {
          AWS_PROFILE: _profile,
          AWS_ENDPOINT_URL: _endpoint,
          AWS_ENDPOINT_URL_DYNAMODB: _dynamodbEndpoint,
          ...inherited
        } = process.env;
        const env = {
          ...inherited,
          TABLE: pipeline.runtime.names.table,
          ENDPOINT: pipeline.runtime.dynamodb.endpoint,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_DEFAULT_REGION: 'us-east-1',
          // Whatever the machine's AWS configuration says, these commands talk to the local endpoint only.
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        };

        // Act: asynchronously, since the DynamoDB API the commands talk to runs in this process.
        const out =
          lang === 'bash'
            ? await run('bash', ['-euo', 'pipefail', '-c', example.bash ?? ''], env)
            : await run('python3', ['-'], env, example.python ?? '');

        // Assess
        expect({ status: out.status, stderr: out.status === 0 ? '' : out.stderr }).toEqual({
          status: 0,
          stderr: '',
        });
        expect(expected.length).toBeGreaterThan(0);
        const printed = firstColumns(out.stdout);
        if (UNORDERED.has(name)) expect([...printed].sort()).toEqual([...expected].sort());
        else expect(printed).toEqual(expected);
      },
      90_000,
    );
  }
});
