import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs plain Node (no TypeScript loader) in the consumer's directory. */
function node(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, stdout: out.stdout.trim(), stderr: out.stderr };
}

describe('the newsflow/reader package', () => {
  let consumer: string;

  beforeAll(() => {
    // What `npm ci` runs as `prepare`; rebuilt here so the test reads the current source.
    execFileSync('npm', ['run', '-s', 'build:reader'], { cwd: ROOT, stdio: 'pipe' });
    // A service outside the repository with newsflow installed as a dependency (a link, as `npm link` makes).
    consumer = mkdtempSync(join(tmpdir(), 'newsflow-consumer-'));
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(ROOT, join(consumer, 'node_modules', 'newsflow'), 'dir');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  }, 120_000);

  afterAll(() => rmSync(consumer, { recursive: true, force: true }));

  it('loads with require() in plain Node', () => {
    // Act
    const out = node(consumer, [
      '-e',
      "const r = require('newsflow/reader'); console.log(typeof r.ArticleReader, typeof r.articleChangeOf);",
    ]);

    // Assess
    expect(out).toMatchObject({ status: 0, stdout: 'function function' });
  });

  it('loads with import in plain Node, with named exports', () => {
    // Act
    const out = node(consumer, [
      '--input-type=module',
      '-e',
      "import { ArticleReader, InvalidCursorError } from 'newsflow/reader'; console.log(typeof ArticleReader, typeof InvalidCursorError);",
    ]);

    // Assess
    expect(out).toMatchObject({ status: 0, stdout: 'function function' });
  });

  it('gives a TypeScript service its types (strict, exactOptionalPropertyTypes)', () => {
    // Prepare: the example of docs/records.md, type-checked against the published declarations.
    writeFileSync(
      join(consumer, 'service.ts'),
      [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { ArticleReader, type ArticleRecord } from 'newsflow/reader';",
        '',
        "const reader = new ArticleReader({ client: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName: 't' });",
        'export async function titles(): Promise<string[]> {',
        "  const record: ArticleRecord | undefined = await reader.getArticle('id');",
        '  const out: string[] = record?.title ? [record.title] : [];',
        "  for await (const hit of reader.findByEntity({ name: 'Kim Jong Un', type: 'PERSON' })) out.push(hit.articleId);",
        '  return out;',
        '}',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: [],
          // The SDK is the service's own dependency; here it is the repository's.
          typeRoots: [],
          baseUrl: '.',
          paths: { '@aws-sdk/*': [join(ROOT, 'node_modules/@aws-sdk/*')] },
        },
        files: ['service.ts'],
      }),
    );

    // Act
    const out = node(consumer, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);

    // Assess
    expect({ status: out.status, errors: out.stdout }).toEqual({ status: 0, errors: '' });
  });
});
