import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the cleaned text: equal texts, whatever their source encoding or markup, hash equal. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
