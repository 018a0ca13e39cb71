import { createBaselineDateTagger } from '../core/dates/baseline-tagger';
import { createBaselineEntityTagger } from '../core/entities/baseline-tagger';
import type { Taggers } from '../core/tagging/tag-text';

let cached: Taggers | undefined;

/**
 * The taggers of this process, built once (Lambda cold start, CLI start-up) and reused for every document.
 * Model files, when a tagger needs them, are read here: core never does I/O.
 */
export function loadTaggers(): Taggers {
  cached ??= { entities: createBaselineEntityTagger(), dates: createBaselineDateTagger() };
  return cached;
}
