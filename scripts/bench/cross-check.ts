/**
 * Cross-check of the write units the cost model computes from item sizes against DynamoDB Local's own
 * accounting, through the reader's `newsflow query cost` (which writes each article's stored items to a scratch
 * table with `ReturnConsumedCapacity: INDEXES`). Needs Java; full runs only, as it starts DynamoDB Local.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { WriteCost } from '../../bin/cli/query-cost';
import { REPO_ROOT } from './corpora';

/** DynamoDB Local's write units for one article, or why there are none. */
export type MeteredWrites =
  | {
      readonly ok: true;
      readonly record: WriteCost['recordUnits'];
      readonly lookups: WriteCost['lookupUnits'];
      readonly lookupItems: number;
    }
  | { readonly ok: false; readonly reason: string };

/** Runs `newsflow query cost --json FILE` and returns the article's write units. */
export function meteredWrites(file: string): MeteredWrites {
  const out = spawnSync(
    process.execPath,
    [
      '--openssl-legacy-provider',
      '--import',
      'tsx',
      join(REPO_ROOT, 'bin', 'newsflow.ts'),
      'query',
      'cost',
      '--json',
      file,
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (out.status !== 0)
    return { ok: false, reason: (out.stderr || String(out.error ?? '')).trim().split('\n').at(-1) ?? '' };
  const parsed = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as { writes?: WriteCost[] };
  const w = parsed.writes?.[0];
  if (w === undefined) return { ok: false, reason: 'no write costs in the output' };
  return { ok: true, record: w.recordUnits, lookups: w.lookupUnits, lookupItems: w.lookupItems };
}
