import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDateTagger } from '../core/dates';
import { createEntityTagger } from '../core/entities';
import type { Taggers } from '../core/tagging/tag-text';

let cached: Taggers | undefined;

/**
 * Where model files live: `NEWSFLOW_MODELS_DIR` (set in the Lambda bundle, which copies `models/` beside the
 * handler), else the repository's `models/` folder.
 */
export function modelsDir(): string {
  return process.env.NEWSFLOW_MODELS_DIR ?? resolve(__dirname, '../../models');
}

/**
 * The taggers of this process, built once (Lambda cold start, CLI start-up) and reused for every document.
 * Model files are read here: core never does I/O.
 */
export function loadTaggers(): Taggers {
  if (cached === undefined) {
    const dir = modelsDir();
    cached = {
      entities: createEntityTagger((relativePath) => readFileSync(join(dir, relativePath))),
      dates: createDateTagger(),
    };
  }
  return cached;
}
