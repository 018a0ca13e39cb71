import { NotificationRouter, SequencerClock, toS3NotificationRecord } from '../../local/s3-events';

const s3rverRecord = (key: string, eventName = 'ObjectCreated:Put') => ({
  eventName,
  eventTime: '2019-12-20T10:00:00.000Z',
  s3: { bucket: { name: 'raw' }, object: { key, size: 3, eTag: 'abc' } },
});

describe('S3 event translation', () => {
  it('produces the shape of a real notification: encoded key, bucket ARN, sequencer, version 2.1', () => {
    // Act
    const record = toS3NotificationRecord(s3rverRecord('raw/a b+ü.txt'), 'cfg', '00AB');

    // Assess
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        configurationId: 'cfg',
        bucket: { name: 'raw', arn: 'arn:aws:s3:::raw' },
        object: { key: 'raw/a+b%2B%C3%BC.txt', size: 3, eTag: 'abc', sequencer: '00AB' },
      },
    });
  });

  it('issues strictly increasing sequencers, even within one millisecond', () => {
    // Prepare
    const clock = new SequencerClock();

    // Act
    const values = [clock.next(5), clock.next(5), clock.next(5), clock.next(6)];

    // Assess
    expect([...values].sort()).toEqual(values);
    expect(new Set(values).size).toBe(4);
  });

  it('routes by bucket, prefix and suffix like bucket notification filters', () => {
    // Prepare
    const delivered: string[] = [];
    const router = new NotificationRouter([
      { id: 'raw', bucket: 'raw', prefix: 'raw/', deliver: () => delivered.push('raw') },
      { id: 'json', bucket: 'raw', prefix: 'raw/', suffix: '.json', deliver: () => delivered.push('json') },
    ]);

    // Act
    router.dispatch({
      Records: [s3rverRecord('raw/a.txt'), s3rverRecord('other/a.txt'), s3rverRecord('raw/b.json')],
    });

    // Assess
    expect(delivered).toEqual(['raw', 'raw', 'json']);
  });
});
