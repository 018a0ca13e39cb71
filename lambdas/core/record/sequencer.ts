/** Width sequencers are padded to; S3 sequencers are far shorter, so padding never truncates. */
const WIDTH = 32;

/**
 * S3 sequencers are hex strings of varying length; AWS documents comparing them after left-padding the shorter
 * with zeros. This form (upper case, left-padded) compares correctly as a plain string, also in DynamoDB
 * condition expressions.
 */
export function normalizeSequencer(sequencer: string): string {
  return sequencer.trim().toUpperCase().padStart(WIDTH, '0');
}

/** Orders two sequencers of the same key: negative when `a` is older than `b`, 0 when equal. */
export function compareSequencers(a: string, b: string): number {
  const x = normalizeSequencer(a);
  const y = normalizeSequencer(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
