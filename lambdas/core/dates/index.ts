import { englishNewsConfiguration, RULES_VERSION } from './configuration';
import { createRuleDateTagger } from './engine/tagger';
import type { DateTagger } from './types';

/** Builds the pipeline's date tagger: the rule engine with the English news configuration. */
export function createDateTagger(): DateTagger {
  return createRuleDateTagger(englishNewsConfiguration(), RULES_VERSION);
}
