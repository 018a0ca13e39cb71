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
