import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

/** The npm packages a program imports, following its own modules (packages stay external). */
function packagesImportedBy(entry: string): string[] {
  const { metafile } = buildSync({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (!external || path.startsWith('node:') || builtinModules.includes(path)) continue;
      const parts = path.split('/');
      names.add(path.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path));
    }
  }
  return [...names].sort();
}

describe('dependencies', () => {
  it.each([
    ['the clean Lambda', 'lambdas/handlers/clean.ts'],
    ['the tag Lambda', 'lambdas/handlers/tag.ts'],
    ['the reader', 'lambdas/reader/index.ts'],
    ['the newsflow CLI and npm start', 'bin/newsflow.ts'],
    ['the CDK app', 'bin/app.ts'],
  ])('lists every package %s imports under dependencies', (_name, entry) => {
    // Act
    const imported = packagesImportedBy(entry);

    // Assess
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => pkg.dependencies[name] === undefined)).toEqual([]);
  });

  it('keeps Powertools out of the CDK app: the construct takes metric names from a plain module', () => {
    // Act
    const imported = packagesImportedBy('bin/app.ts');

    // Assess
    expect(imported).toContain('aws-cdk-lib');
    expect(imported.filter((name) => name.startsWith('@aws-lambda-powertools/'))).toEqual([]);
  });

  it('runs npm start through tsx, a dependency', () => {
    // Assess
    expect(pkg.dependencies.tsx).toBeDefined();
  });

  it('resolves one version of each AWS SDK and Smithy package', () => {
    // Prepare
    const versions = new Map<string, Set<string>>();
    for (const [path, { version }] of Object.entries(lock.packages)) {
      const name = path.split('node_modules/').at(-1) ?? '';
      if (!/^@(aws-sdk|smithy)\//.test(name) || version === undefined) continue;
      versions.set(name, new Set([...(versions.get(name) ?? []), version]));
    }

    // Act
    const duplicated = [...versions].filter(([, v]) => v.size > 1).map(([name, v]) => `${name}: ${[...v]}`);

    // Assess
    expect(versions.size).toBeGreaterThan(20);
    expect(duplicated).toEqual([]);
  });
});
