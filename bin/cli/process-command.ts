import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTaggers } from '../../lambdas/adapters/load-taggers';
import { DEFAULT_MAX_BYTES } from '../../lambdas/core/clean/types';
import { buildRecord } from '../../lambdas/core/record/build-record';
import { createProcessedDocument } from '../../lambdas/core/record/processed-document';
import type { SourceRef } from '../../lambdas/core/record/types';
import { UsageError } from './errors';
import { contentTypeFor, listFiles } from './files';
import { writeLine } from './io';

/**
 * `newsflow process FILE…`: cleans and tags files exactly as the two Lambdas do (the same core calls) and
 * prints one JSON record per file. Nothing is uploaded or stored.
 */
export async function processCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { pretty: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('process needs at least one FILE');
  const taggers = loadTaggers();
  for (const path of listFiles(positionals)) {
    const absolute = resolve(path);
    const now = new Date().toISOString();
    const stat = statSync(path);
    // As the clean stage does: an object over the cap is rejected from its size, never read.
    const bytes = stat.size > DEFAULT_MAX_BYTES ? undefined : readFileSync(path);
    const source: SourceRef = {
      bucket: 'file',
      key: absolute,
      eTag: bytes === undefined ? '' : createHash('md5').update(bytes).digest('hex'),
      size: stat.size,
      sequencer: '0',
      // The upload time stands in for a missing publication date, as on S3: here, the file's mtime.
      eventTime: stat.mtime.toISOString(),
    };
    const raw =
      bytes === undefined
        ? { oversizedBytes: stat.size }
        : { bytes, key: absolute, contentType: contentTypeFor(path) };
    const doc = createProcessedDocument(raw, source, { cleanedAt: now, maxBytes: DEFAULT_MAX_BYTES });
    const record = buildRecord(doc, { taggers, ingestedAt: now, textRef: { bucket: 'file', key: absolute } });
    await writeLine(values.pretty ? JSON.stringify(record, null, 2) : JSON.stringify(record));
  }
  return 0;
}
