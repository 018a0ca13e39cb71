import { createBaselineEntityTagger } from './baseline-tagger';
import type { EntityTagger } from './types';

/** Reads a model file by its path relative to the models directory (injected: core does no I/O). */
export type ModelReader = (relativePath: string) => Uint8Array;

/** Builds the pipeline's entity tagger, reading any model files it needs through `readModel`. */
export function createEntityTagger(_readModel: ModelReader): EntityTagger {
  return createBaselineEntityTagger();
}
