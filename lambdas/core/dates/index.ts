import { createBaselineDateTagger } from './baseline-tagger';
import type { DateTagger } from './types';

/** Builds the pipeline's date tagger. */
export function createDateTagger(): DateTagger {
  return createBaselineDateTagger();
}
