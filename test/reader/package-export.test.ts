import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('the package export', () => {
  it('resolves newsflow/reader to the reader library', () => {
    // Act: a consumer imports the package by name (Node's self-reference resolves package.json "exports").
    const out = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "const r = require('newsflow/reader'); console.log(typeof r.ArticleReader, typeof r.articleChangeOf);",
      ],
      { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
    );

    // Assess
    expect({ status: out.status, stdout: out.stdout.trim() }).toEqual({
      status: 0,
      stdout: 'function function',
    });
  });
});
