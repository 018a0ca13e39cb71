import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSEvent } from 'aws-lambda';
import { processS3Batch } from '../../lambdas/handlers/sqs-batch';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const observability = {
  logger: new Logger({ logLevel: 'SILENT' }),
  metrics: new Metrics({ namespace: 'Test', serviceName: 'test' }),
};

function event(
  ids: string[],
  objectOf: (id: string) => { key: string; size?: number } = (id) => ({ key: `raw/${id}.txt` }),
): SQSEvent {
  return {
    Records: ids.map((messageId) => ({
      messageId,
      receiptHandle: 'h',
      body: JSON.stringify({
        Records: [
          {
            eventSource: 'aws:s3',
            eventTime: '2019-12-20T00:00:00Z',
            eventName: 'ObjectCreated:Put',
            s3: { bucket: { name: 'b' }, object: { ...objectOf(messageId), sequencer: '01' } },
          },
        ],
      }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 's',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:0:q',
      awsRegion: 'us-east-1',
    })),
  };
}

function context(remainingMs: () => number): Context {
  return {
    getRemainingTimeInMillis: remainingMs,
    functionName: 'f',
    awsRequestId: 'r',
  } as unknown as Context;
}

describe('processS3Batch', () => {
  it('reports only the failing message; the rest of the batch succeeds', async () => {
    // Act
    const response = await processS3Batch(
      event(['a', 'b', 'c']),
      context(() => 60_000),
      observability,
      async (c) => {
        if (c.key === 'raw/b.txt') throw new Error('poison');
        return 'ok';
      },
    );

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'b' }]);
  });

  it('stops taking messages when the time budget runs low and hands the rest back untouched', async () => {
    // Prepare: 10 s left at first, then each message "takes" 4 s.
    let remaining = 10_000;
    const handled: string[] = [];

    // Act
    const response = await processS3Batch(
      event(['a', 'b', 'c', 'd']),
      context(() => remaining),
      observability,
      async (c) => {
        handled.push(c.key);
        remaining -= 4000;
        return 'ok';
      },
      { reserveMs: 3000 },
    );

    // Assess
    expect(handled).toEqual(['raw/a.txt', 'raw/b.txt']);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'c' }, { itemIdentifier: 'd' }]);
  });

  it('hands back the messages that reach their heavy work when the time budget has run low', async () => {
    // Prepare: all three start at once; each reads for a moment, then checks its budget and "tags" for 4 s.
    let remaining = 10_000;
    const tagged: string[] = [];

    // Act
    const response = await processS3Batch(
      event(['a', 'b', 'c']),
      context(() => remaining),
      observability,
      async (c, budget) => {
        await new Promise((r) => setTimeout(r, 5));
        budget.check();
        tagged.push(c.key);
        remaining -= 4000;
        return 'ok';
      },
      { reserveMs: 3000 },
    );

    // Assess
    expect(tagged).toEqual(['raw/a.txt', 'raw/b.txt']);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'c' }]);
  });

  it.each([
    {
      case: 'different objects side by side',
      objects: { a: 'raw/a.txt', b: 'raw/b.txt', c: 'raw/c.txt' },
      size: 100,
      most: 3,
    },
    {
      case: 'messages of one object one after another',
      objects: { a: 'raw/x.txt', b: 'raw/x.txt' },
      size: 100,
      most: 1,
    },
    {
      case: 'objects over the memory budget one at a time',
      objects: { a: 'raw/a.txt', b: 'raw/b.txt' },
      size: 6 * 1024 * 1024,
      most: 1,
    },
  ])('handles $case', async ({ objects, size, most }) => {
    // Prepare: each message waits a little, as for S3 and DynamoDB round trips.
    const ids = Object.keys(objects);
    let running = 0;
    let seen = 0;
    const order: string[] = [];

    // Act
    const response = await processS3Batch(
      event(ids, (id) => ({ key: objects[id as keyof typeof objects]!, size })),
      context(() => 60_000),
      observability,
      async (c) => {
        running++;
        seen = Math.max(seen, running);
        order.push(c.key);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return 'ok';
      },
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(seen).toBe(most);
    expect(order).toEqual(Object.values(objects));
  });
});
