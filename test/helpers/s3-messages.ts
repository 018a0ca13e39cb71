import type { SQSEvent } from 'aws-lambda';
import { toS3NotificationRecord } from '../../local/s3-events';
import { sqsEvent } from '../../scripts/bench/lambda-events';

/** One change to notify, with the sequencer S3 would give it. */
export interface NotifiedChange {
  readonly kind: 'created' | 'removed';
  readonly bucket: string;
  readonly key: string;
  readonly sequencer: string;
}

/** An SQS message body holding an S3 notification of one change, shaped as S3 sends it. */
export function s3Message(change: NotifiedChange): string {
  const record = toS3NotificationRecord(
    {
      eventName: change.kind === 'created' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
      eventTime: '2019-12-21T08:00:00.000Z',
      s3: { bucket: { name: change.bucket }, object: { key: change.key, size: 0 } },
    },
    'newsflow-test',
    change.sequencer,
  );
  return JSON.stringify({ Records: [record] });
}

/** An SQS batch of message bodies (S3 notifications, or anything a queue may hold). */
export function sqsBatch(bodies: readonly string[]): SQSEvent {
  return sqsEvent(bodies, 'newsflow-test');
}
