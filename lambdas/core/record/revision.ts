import type { ProcessedDocument } from './types';

/**
 * The revision of a record: what it was built from (status, content hash, tagger version). Two records of one
 * sequencer with equal revisions are the same record built twice, so a redelivery never writes it again.
 */
export function recordRevision(record: {
  readonly status: string;
  readonly contentHash?: string;
  readonly taggerVersion: string;
}): string {
  return `${record.status}:${record.contentHash ?? ''}:${record.taggerVersion}`;
}

/** The revision tagging `doc` with taggers of `taggerVersion` produces (see {@link recordRevision}). */
export function documentRevision(doc: ProcessedDocument, taggerVersion: string): string {
  const cleaned = doc.status === 'cleaned';
  return recordRevision({
    status: cleaned ? 'processed' : 'rejected',
    ...(doc.article?.contentHash && cleaned ? { contentHash: doc.article.contentHash } : {}),
    taggerVersion: cleaned ? taggerVersion : '',
  });
}
