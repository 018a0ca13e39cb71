/**
 * Builds the `newsflow/reader` package entry for plain Node services (no TypeScript loader):
 *
 *   npm run build:reader   (also run by `npm ci` / `npm install`, as the `prepare` script)
 *
 * `dist/reader/index.js` is one CommonJS file (Node ≥ 20 also `import`s it) with the AWS SDK left to the
 * consumer's own dependencies; `dist/types` holds the declarations TypeScript consumers resolve.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '..');

function main(): void {
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  buildSync({
    entryPoints: [join(ROOT, 'lambdas/reader/index.ts')],
    outfile: join(ROOT, 'dist/reader/index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@aws-sdk/*'],
    sourcemap: true,
    logLevel: 'warning',
  });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.reader.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

main();
