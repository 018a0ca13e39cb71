import type { ReconcileAction } from './plan';

/** Configuration id reconcile's events carry (S3's own carry the notification's id). */
export const RECONCILE_CONFIGURATION_ID = 'newsflow-reconcile';

/**
 * Encodes a key the way S3 notifications do: URL encoding with `+` for space, `/` kept literal (the stages
 * decode exactly that form).
 */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The message body that re-drives one action through its stage: an S3 event notification of the shape the
 * stage already handles, so a re-drive takes exactly the path of a first delivery.
 */
export function reconcileMessage(
  action: ReconcileAction,
  buckets: { readonly raw: string; readonly processed: string },
  eventTime: string,
): string {
  const clean = action.stage === 'clean';
  const bucket = clean ? buckets.raw : buckets.processed;
  const key = clean ? action.key : action.processedKey;
  const object = {
    key: encodeS3Key(key),
    ...(action.stage === 'clean' && action.kind === 'created' ? { size: 0, eTag: action.eTag } : {}),
    // The tag stage orders by the document it reads, not by the event; the clean stage by this sequencer.
    sequencer: clean ? action.sequencer : '0',
  };
  const record = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    eventTime,
    eventName: action.kind === 'created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: RECONCILE_CONFIGURATION_ID,
      bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
      object,
    },
  };
  return JSON.stringify({ Records: [record] });
}
