import { decodeModel } from './model-format';
import { createPerceptronTagger } from './perceptron-tagger';
import type { EntityTagger } from './types';

/** Reads a model file by its path relative to the models directory (injected: core does no I/O). */
export type ModelReader = (relativePath: string) => Uint8Array;

/** Path of the entity model, relative to the models directory. */
export const ENTITY_MODEL_PATH = 'ner/model.bin';

/** Builds the pipeline's entity tagger from the committed model, read once through `readModel`. */
export function createEntityTagger(readModel: ModelReader): EntityTagger {
  return createPerceptronTagger(decodeModel(readModel(ENTITY_MODEL_PATH)));
}
