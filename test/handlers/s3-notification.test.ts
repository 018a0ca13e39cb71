import { InvalidEventError } from '../../lambdas/handlers/errors';
import { decodeS3Key, parseS3Notification } from '../../lambdas/handlers/s3-notification';
import { encodeS3Key } from '../../local/s3-events';

function notification(eventName: string, key: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2019-12-20T10:00:00.000Z',
        eventName,
        userIdentity: { principalId: 'AWS:X' },
        requestParameters: { sourceIPAddress: '2001:db8::1' },
        responseElements: {},
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'c',
          bucket: { name: 'raw-bucket', ownerIdentity: { principalId: 'X' }, arn: 'arn:aws:s3:::raw-bucket' },
          object: { key, sequencer: '0055AED6DCD90281E5', ...extra },
        },
      },
    ],
  });
}

describe('decodeS3Key', () => {
  it.each([
    ['raw/my+file.txt', 'raw/my file.txt'],
    ['raw/a%2Bb.txt', 'raw/a+b.txt'],
    ['raw/caf%C3%A9+%E2%80%93+%E4%B8%AD.txt', 'raw/café – 中.txt'],
    ['raw/..%2F..%2Fetc', 'raw/../../etc'],
  ])('decodes %s to %s', (encoded, decoded) => {
    // Act + Assess
    expect(decodeS3Key(encoded)).toBe(decoded);
  });

  it.each(['raw/a b+c.txt', "raw/(x)!'~*.txt", 'raw/ü/ß/😀.txt', 'raw/%41.txt', 'raw/tab\tnew\nline'])(
    'round-trips %j through the local runtime encoder',
    (key) => {
      // Act + Assess
      expect(decodeS3Key(encodeS3Key(key))).toBe(key);
    },
  );

  it('encodes a space as + the way S3 notifications do', () => {
    // Act + Assess
    expect(encodeS3Key('raw/a b+c.txt')).toBe('raw/a+b%2Bc.txt');
  });

  it('rejects malformed percent-encoding with a typed error', () => {
    // Act + Assess
    expect(() => decodeS3Key('raw/%E0%A4%A.txt')).toThrow(InvalidEventError);
  });
});

describe('parseS3Notification', () => {
  it('turns a created event into a change with the decoded key', () => {
    // Act
    const [change] = parseS3Notification(
      notification('ObjectCreated:Put', 'raw/a+b.txt', { size: 5, eTag: 'e', versionId: 'v1' }),
    );

    // Assess
    expect(change).toEqual({
      kind: 'created',
      eventName: 'ObjectCreated:Put',
      eventTime: '2019-12-20T10:00:00.000Z',
      bucket: 'raw-bucket',
      key: 'raw/a b.txt',
      size: 5,
      eTag: 'e',
      versionId: 'v1',
      sequencer: '0055AED6DCD90281E5',
    });
  });

  it.each(['ObjectRemoved:Delete', 'ObjectRemoved:DeleteMarkerCreated'])('treats %s as a removal', (name) => {
    // Act
    const [change] = parseS3Notification(notification(name, 'raw/x.txt'));

    // Assess
    expect(change?.kind).toBe('removed');
  });

  it('ignores the test event S3 sends when notifications are configured', () => {
    // Act
    const changes = parseS3Notification(
      JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'raw-bucket' }),
    );

    // Assess
    expect(changes).toEqual([]);
  });

  it.each([
    ['not JSON', 'not json'],
    ['another JSON document', '{"hello":"world"}'],
    ['an unsupported event', notification('ObjectRestore:Completed', 'raw/x.txt')],
    ['a sequencer that is not hex', notification('ObjectCreated:Put', 'raw/x.txt', { sequencer: 'xyz' })],
  ])('rejects %s with InvalidEventError', (_name, body) => {
    // Act + Assess
    expect(() => parseS3Notification(body)).toThrow(InvalidEventError);
  });
});
