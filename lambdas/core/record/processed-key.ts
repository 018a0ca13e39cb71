import { PIPELINE_SPEC } from '../pipeline-spec';

const { processedPrefix, processedSuffix } = PIPELINE_SPEC;

/** Where the clean stage stores the processed document of an article. */
export function processedKeyFor(articleId: string): string {
  return `${processedPrefix}${articleId}${processedSuffix}`;
}

/** The article id of a processed document key, or undefined when the key is not one. */
export function articleIdFromProcessedKey(key: string): string | undefined {
  if (!key.startsWith(processedPrefix) || !key.endsWith(processedSuffix)) return undefined;
  const id = key.slice(processedPrefix.length, key.length - processedSuffix.length);
  return /^[0-9a-f]{32}$/.test(id) ? id : undefined;
}

/**
 * S3 user-metadata key on a processed document holding the raw object's sequencer it was cleaned from:
 * the order of versions, read with a HEAD before every conditional overwrite.
 */
export const SEQUENCER_METADATA_KEY = 'newsflow-sequencer';
