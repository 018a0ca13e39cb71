import { z } from 'zod';
import { InvalidEventError } from './errors';

/**
 * The fields of an S3 event notification record the stages use. Other fields are allowed and ignored, so
 * schema additions by AWS (event versions 2.1 → 2.x) do not break parsing.
 */
const S3RecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventTime: z.string().min(1),
  eventName: z.string().min(1),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string(),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().nullish(),
      sequencer: z.string().regex(/^[0-9A-Fa-f]+$/),
    }),
  }),
});

const NotificationSchema = z.object({ Records: z.array(S3RecordSchema) });

/** S3 sends this once when a notification configuration is created; it carries no object. */
const TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

/** One object change, with the key decoded. */
export interface S3Change {
  readonly kind: 'created' | 'removed';
  readonly eventName: string;
  readonly eventTime: string;
  readonly bucket: string;
  readonly key: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer: string;
}

/**
 * Decodes an S3 notification key: keys arrive URL-encoded in form encoding (`+` for space, `%2B` for `+`).
 */
export function decodeS3Key(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch (cause) {
    throw new InvalidEventError(`Object key is not valid URL encoding: ${JSON.stringify(encoded)}`, {
      cause,
    });
  }
}

/**
 * Parses one SQS message body holding an S3 event notification into object changes. The test event gives
 * none. @throws InvalidEventError when the body is not a notification.
 */
export function parseS3Notification(body: string): S3Change[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new InvalidEventError('Message body is not JSON', { cause });
  }
  if (TestEventSchema.safeParse(json).success) return [];
  const parsed = NotificationSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidEventError(`Message body is not an S3 event notification: ${parsed.error.message}`);
  }
  return parsed.data.Records.map((r) => {
    const kind = r.eventName.startsWith('ObjectCreated:')
      ? 'created'
      : r.eventName.startsWith('ObjectRemoved:')
        ? 'removed'
        : undefined;
    if (kind === undefined) throw new InvalidEventError(`Unsupported S3 event ${r.eventName}`);
    const o = r.s3.object;
    return {
      kind,
      eventName: r.eventName,
      eventTime: r.eventTime,
      bucket: r.s3.bucket.name,
      key: decodeS3Key(o.key),
      sequencer: o.sequencer,
      ...(o.size === undefined ? {} : { size: o.size }),
      ...(o.eTag === undefined ? {} : { eTag: o.eTag }),
      ...(o.versionId ? { versionId: o.versionId } : {}),
    };
  });
}
