/** Lambda inputs as AWS delivers them: SQS batches of S3 notifications, and an invocation context. */
import type { Context, SQSEvent } from 'aws-lambda';
import { lambdaContext } from '../../local/lambda-context';
import { SequencerClock, toS3NotificationRecord } from '../../local/s3-events';

/** One object change to notify. */
export interface ObjectChange {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly eTag?: string;
}

const sequencers = new SequencerClock();

/** An S3 `ObjectCreated:Put` notification body, shaped exactly as S3 sends it to SQS. */
export function createdNotification(change: ObjectChange, eventTime = new Date()): string {
  const record = toS3NotificationRecord(
    {
      eventName: 'ObjectCreated:Put',
      eventTime: eventTime.toISOString(),
      s3: {
        bucket: { name: change.bucket },
        object: { key: change.key, size: change.size, ...(change.eTag ? { eTag: change.eTag } : {}) },
      },
    },
    'newsflow-bench',
    sequencers.next(),
  );
  return JSON.stringify({ Records: [record] });
}

/** An SQS event of one message per body, as the event source mapping delivers a batch. */
export function sqsEvent(bodies: readonly string[], queueName: string): SQSEvent {
  const now = String(Date.now());
  return {
    Records: bodies.map((body, i) => ({
      messageId: `bench-${now}-${i}`,
      receiptHandle: `bench-${i}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: now,
        SenderId: 'AIDAS3NOTIFICATIONS',
        ApproximateFirstReceiveTimestamp: now,
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
      awsRegion: 'us-east-1',
    })),
  };
}

/** An invocation context with `timeoutMs` left, for a function of `memoryMb`. */
export function benchContext(functionName: string, memoryMb: number, timeoutMs = 60_000): Context {
  return lambdaContext({
    functionName,
    requestId: `bench-${functionName}-${Date.now()}`,
    deadline: Date.now() + timeoutMs,
    memoryMb,
  });
}
