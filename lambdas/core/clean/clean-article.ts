import { createHash } from 'node:crypto';
import {
  type CleanedArticle,
  type CleanOptions,
  type CleanOutcome,
  DEFAULT_MAX_BYTES,
  type RawArticle,
} from './types';

/**
 * Baseline cleaner: rejects empty, binary and oversized objects, decodes UTF-8, normalises whitespace and
 * reads a `date YYYY-MM-DD` header. The full cleaner (encodings, HTML, residue, metadata) replaces it.
 */
export function cleanArticle(raw: RawArticle, options: CleanOptions = {}): CleanOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (raw.bytes.length > maxBytes) {
    return reject('TOO_LARGE', `Object is ${raw.bytes.length} bytes; the limit is ${maxBytes}`);
  }
  if (raw.bytes.includes(0)) return reject('BINARY', 'Object contains NUL bytes: not text');
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw.bytes);
  } catch (cause) {
    return reject('UNDECODABLE', `Object is not valid UTF-8: ${(cause as Error).message}`);
  }
  const removed: { text: string; reason: string }[] = [];
  let publishedAt: string | undefined;
  const lines = decoded
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) {
    const header = /^date (\d{4}-\d{2}-\d{2})(?: Loading\.\.\.)?$/i.exec(line);
    if (header) {
      publishedAt = header[1];
      removed.push({ text: line, reason: 'date header' });
      continue;
    }
    kept.push(line);
  }
  const text = kept
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/\n/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
  if (text.length === 0) return reject('EMPTY', 'Object has no text');
  const article: CleanedArticle = {
    text,
    ...(publishedAt === undefined ? {} : { publishedAt }),
    keywords: [],
    headings: [],
    wordCount: text.split(/\s+/).filter(Boolean).length,
    contentHash: createHash('sha256').update(text).digest('hex'),
    format: 'text',
    encoding: 'utf-8',
    removed,
  };
  return { status: 'cleaned', article };
}

function reject(code: 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'UNDECODABLE', message: string): CleanOutcome {
  return { status: 'rejected', rejection: { code, message } };
}
