import { randomBytes } from 'node:crypto';
import { encodeS3Key } from '../lambdas/core/reconcile/events';

/** The record shape s3rver emits (only the fields read here). */
export interface S3rverEventRecord {
  readonly eventName: string;
  readonly eventTime: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size?: number; readonly eTag?: string };
  };
}

/** Where a bucket's notifications go: the same filters the CDK stack configures. */
export interface NotificationRoute {
  readonly id: string;
  readonly bucket: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly deliver: (body: string) => void;
}

/** Keys are encoded as S3 notifications encode them (one implementation, shared with reconcile's events). */
export { encodeS3Key };

/**
 * Issues S3-style sequencers: upper-case hex that grows with every event (time-based high part, counter low
 * part), so later events on a key compare greater, across restarts too. s3rver's own (Date.now in hex)
 * repeats within a millisecond.
 */
export class SequencerClock {
  private last = 0n;

  public next(nowMs: number = Date.now()): string {
    const candidate = BigInt(nowMs) << 16n;
    this.last = candidate > this.last ? candidate : this.last + 1n;
    return this.last.toString(16).toUpperCase().padStart(16, '0');
  }
}

/**
 * Translates one s3rver event record into exactly the shape of a real S3 notification record
 * (event version 2.1, URL-encoded key, proper bucket ARN, sequencer, configuration id).
 */
export function toS3NotificationRecord(
  record: S3rverEventRecord,
  configurationId: string,
  sequencer: string,
): Record<string, unknown> {
  const bucket = record.s3.bucket.name;
  const o = record.s3.object;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: record.eventTime,
    eventName: record.eventName,
    userIdentity: { principalId: 'AWS:LOCALUSER' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-amz-id-2': randomBytes(32).toString('base64'),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: { name: bucket, ownerIdentity: { principalId: 'LOCALOWNER' }, arn: `arn:aws:s3:::${bucket}` },
      object: {
        key: encodeS3Key(o.key),
        ...(record.eventName.startsWith('ObjectCreated:') ? { size: o.size ?? 0 } : {}),
        ...(o.eTag ? { eTag: o.eTag } : {}),
        sequencer,
      },
    },
  };
}

/** Routes s3rver events to the queues whose filters match, as S3 bucket notifications do. */
export class NotificationRouter {
  private readonly sequencers = new SequencerClock();

  public constructor(private readonly routes: readonly NotificationRoute[]) {}

  /** Handles one s3rver `event` payload (`{Records: [...]}`). */
  public dispatch(event: { readonly Records: readonly S3rverEventRecord[] }): void {
    for (const record of event.Records) {
      const key = record.s3.object.key;
      const sequencer = this.sequencers.next();
      for (const route of this.routes) {
        if (route.bucket !== record.s3.bucket.name) continue;
        if (route.prefix && !key.startsWith(route.prefix)) continue;
        if (route.suffix && !key.endsWith(route.suffix)) continue;
        const body = JSON.stringify({ Records: [toS3NotificationRecord(record, route.id, sequencer)] });
        route.deliver(body);
      }
    }
  }
}
