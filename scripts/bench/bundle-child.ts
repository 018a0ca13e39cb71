/**
 * Child process of the bundle measurement (aws-cdk-lib stays out of the bench process):
 *
 *   node --import tsx scripts/bench/bundle-child.ts OUTDIR
 *
 * Builds the `Newsflow` stack as `bin/app.ts` does, with the context of `cdk.json`, into OUTDIR. Building it runs
 * the functions' `NodejsFunction` bundling (the local esbuild, the models hook) and stages each asset into OUTDIR,
 * exactly what `cdk synth` stages; the template itself is not written. Prints one JSON line: the functions with
 * their asset directories and settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NewsflowStack } from '../../lib/newsflow-stack';
import type { BundledFunction } from './bundle';

const REPO_ROOT = join(__dirname, '..', '..');

function main(): void {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: bundle-child.ts OUTDIR');
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const app = new App({
    outdir,
    // The CDK CLI sets these for `cdk synth`; asset metadata names each function's staged directory.
    context: {
      ...cdkJson.context,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:enable-path-metadata': true,
    },
  });
  const stack = new NewsflowStack(app, 'Newsflow', { destroyOnDelete: false });
  const functions: BundledFunction[] = [];
  for (const c of stack.node.findAll()) {
    if (!(c instanceof CfnFunction)) continue;
    const assetPath = c.getMetadata('aws:asset:path') as string | undefined;
    if (assetPath === undefined) continue;
    const env = Stack.of(c).resolve(c.environment) as { variables?: Record<string, unknown> } | undefined;
    const nodeOptions = env?.variables?.NODE_OPTIONS;
    functions.push({
      path: c.node.path,
      assetDir: join(outdir, assetPath),
      memoryMb: Number(c.memorySize),
      architectures: (c.architectures ?? []).map(String),
      runtime: String(c.runtime),
      handler: String(c.handler),
      ...(typeof nodeOptions === 'string' ? { nodeOptions } : {}),
    });
  }
  process.stdout.write(`${JSON.stringify({ functions })}\n`);
}

main();
