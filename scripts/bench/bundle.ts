/**
 * The Lambda assets as deployment gets them. Full runs call `npx cdk synth -q --output DIR` (the CLI, the app in
 * `cdk.json`, the whole template); quick runs build the stack in a child process (`bundle-child.ts`), which runs the
 * same `NodejsFunction` bundling and stages the same asset directories without writing the template. Either way
 * each function's directory is found through its `aws:asset:path` metadata.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from './corpora';

/** One function of the stack and its staged asset. */
export interface BundledFunction {
  /** Construct path, e.g. `Newsflow/Pipeline/TagFunction/Resource`. */
  readonly path: string;
  /** The staged asset directory (`index.js`, its source map, `models/` for the tag function). */
  readonly assetDir: string;
  readonly memoryMb: number;
  readonly architectures: readonly string[];
  readonly runtime: string;
  readonly handler: string;
  /** `NODE_OPTIONS` of the function's environment (source maps), which a cold start pays for. */
  readonly nodeOptions?: string;
}

/** A function's asset sizes, KB (1024 bytes). */
export interface AssetSize {
  /** `index.js`, the esbuild bundle. */
  readonly bundleKb: number;
  /** Everything in the asset directory (bundle, source map, models): what is zipped and uploaded. */
  readonly assetKb: number;
  /** The asset's directory name (`asset.<hash>`): equal hashes mean identical assets. */
  readonly asset: string;
}

/** The pipeline's two functions, bundled. */
export interface Bundle {
  readonly source: 'cdk synth' | 'construct bundling';
  readonly clean: BundledFunction & AssetSize;
  readonly tag: BundledFunction & AssetSize;
  /** Wall seconds the synthesis or bundling took. */
  readonly seconds: number;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    n += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return n;
}

function sized(fn: BundledFunction): BundledFunction & AssetSize {
  return {
    ...fn,
    bundleKb: statSync(join(fn.assetDir, 'index.js')).size / 1024,
    assetKb: dirBytes(fn.assetDir) / 1024,
    asset: basename(fn.assetDir),
  };
}

function run(command: string, args: readonly string[]): string {
  const out = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  }
  return out.stdout;
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
  readonly Properties?: {
    readonly MemorySize?: number;
    readonly Architectures?: string[];
    readonly Runtime?: string;
    readonly Handler?: string;
    readonly Environment?: { readonly Variables?: Record<string, unknown> };
  };
}

/** The functions of a synthesized template that have staged assets. */
export function functionsOfTemplate(
  outdir: string,
  template: { Resources?: Record<string, TemplateResource> },
): BundledFunction[] {
  const functions: BundledFunction[] = [];
  for (const r of Object.values(template.Resources ?? {})) {
    const assetPath = r.Metadata?.['aws:asset:path'];
    if (r.Type !== 'AWS::Lambda::Function' || typeof assetPath !== 'string') continue;
    const p = r.Properties ?? {};
    const nodeOptions = p.Environment?.Variables?.NODE_OPTIONS;
    functions.push({
      path: String(r.Metadata?.['aws:cdk:path'] ?? ''),
      assetDir: join(outdir, assetPath),
      memoryMb: Number(p.MemorySize),
      architectures: p.Architectures ?? [],
      runtime: String(p.Runtime),
      handler: String(p.Handler),
      ...(typeof nodeOptions === 'string' ? { nodeOptions } : {}),
    });
  }
  return functions;
}

/** Synthesizes (`cdk synth`) or bundles (the stack's construction) into `outdir` and sizes both functions. */
export function bundleFunctions(mode: 'synth' | 'construct', outdir: string): Bundle {
  const started = performance.now();
  let functions: BundledFunction[];
  if (mode === 'synth') {
    run('npx', ['cdk', 'synth', '-q', '--output', outdir]);
    const templates = readdirSync(outdir).filter((f) => f.endsWith('.template.json'));
    functions = templates.flatMap((t) =>
      functionsOfTemplate(outdir, JSON.parse(readFileSync(join(outdir, t), 'utf8'))),
    );
  } else {
    const out = run(process.execPath, ['--import', 'tsx', join(__dirname, 'bundle-child.ts'), outdir]);
    const last = out.trim().split('\n').at(-1) ?? '{}';
    functions = (JSON.parse(last) as { functions: BundledFunction[] }).functions;
  }
  const find = (name: string): BundledFunction & AssetSize => {
    const fn = functions.find((f) => f.path.includes(`/${name}/`));
    if (fn === undefined) throw new Error(`no ${name} with an asset among ${functions.map((f) => f.path)}`);
    return sized(fn);
  };
  return {
    source: mode === 'synth' ? 'cdk synth' : 'construct bundling',
    clean: find('CleanFunction'),
    tag: find('TagFunction'),
    seconds: (performance.now() - started) / 1000,
  };
}
