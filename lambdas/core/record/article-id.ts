import { createHash } from 'node:crypto';

/**
 * The stable id of the article a raw object becomes: derived from bucket and key (never the content), so an
 * overwrite updates the same record and a delete finds it. 32 hex characters (128 bits of SHA-256).
 */
export function articleIdFor(bucket: string, key: string): string {
  return createHash('sha256').update(bucket).update('\u0000').update(key).digest('hex').slice(0, 32);
}

/** True when `value` has the shape of an article id. */
export function isArticleId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}
