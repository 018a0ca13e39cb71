/** Key prefix of processed documents in the processed bucket. */
export const PROCESSED_PREFIX = 'articles/';

/** Where the clean stage stores the processed document of an article. */
export function processedKeyFor(articleId: string): string {
  return `${PROCESSED_PREFIX}${articleId}.json`;
}

/** The article id of a processed document key, or undefined when the key is not one. */
export function articleIdFromProcessedKey(key: string): string | undefined {
  const m = /^articles\/([0-9a-f]{32})\.json$/.exec(key);
  return m?.[1];
}

/**
 * S3 user-metadata key on a processed document holding the raw object's sequencer it was cleaned from:
 * the order of versions, read with a HEAD before every conditional overwrite.
 */
export const SEQUENCER_METADATA_KEY = 'newsflow-sequencer';
