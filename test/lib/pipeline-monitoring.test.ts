import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Context, SQSEvent } from 'aws-lambda';
import { METRIC_NAMES } from '../../lambdas/core/pipeline-metrics';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { handleRawChange } from '../../lambdas/handlers/clean-stage';
import { createObservability } from '../../lambdas/handlers/observability';
import { processS3Batch } from '../../lambdas/handlers/sqs-batch';
import { createStageHandler } from '../../lambdas/handlers/stage-handler';
import { handleProcessedChange } from '../../lambdas/handlers/tag-stage';
import { ArticlePipeline } from '../../lib/article-pipeline';
import { NewsflowStack, STACK_OUTPUTS } from '../../lib/newsflow-stack';
import { benchContext } from '../../scripts/bench/lambda-events';
import { cleanDeps, PROCESSED_BUCKET, processedLocation, RAW_BUCKET } from '../helpers/clean-stage';
import { wordTaggers } from '../helpers/fixtures';
import { MemoryArticleStore, MemoryObjectStore } from '../helpers/memory-stores';
import { s3Message, sqsBatch } from '../helpers/s3-messages';
import { mentions, testApp } from './cdk-test-app';

type Alarm = { Properties: Record<string, unknown> };

/** The dashboard body as JSON: CloudFormation holds it as an Fn::Join of strings and references. */
function dashboardBody(template: Template): { widgets: { properties: Record<string, unknown> }[] } {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  if (dashboard === undefined) throw new Error('No dashboard');
  const parts = (dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : `REF:${JSON.stringify(p).replace(/"/g, "'")}`));
  return JSON.parse(text.join(''));
}

/** Every `[namespace, metricName, …]` row of the dashboard's widgets. */
function dashboardMetrics(template: Template): string[][] {
  return dashboardBody(template).widgets.flatMap(
    (w) => ((w.properties.metrics ?? []) as unknown[][]).map((row) => row.map(String)) ?? [],
  );
}

const template = Template.fromStack(new NewsflowStack(testApp(), 'Mon'));

describe('pipeline monitoring (the deployed stack)', () => {
  const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as [string, Alarm][];
  const alarmNamed = (fragment: string): Alarm => {
    const found = alarms.filter(([id]) => id.includes(fragment));
    if (found.length !== 1) throw new Error(`Expected one alarm like ${fragment}, found ${found.length}`);
    return (found[0] as [string, Alarm])[1];
  };

  it.each([
    [
      'CleanDeadLetterQueueNotEmpty',
      'ApproximateNumberOfMessagesVisible',
      'CleanDeadLetterQueue',
      0,
      'GreaterThanThreshold',
    ],
    [
      'TagDeadLetterQueueNotEmpty',
      'ApproximateNumberOfMessagesVisible',
      'TagDeadLetterQueue',
      0,
      'GreaterThanThreshold',
    ],
    [
      'CleanOldestMessageAge',
      'ApproximateAgeOfOldestMessage',
      'CleanQueue',
      1800,
      'GreaterThanOrEqualToThreshold',
    ],
    [
      'TagOldestMessageAge',
      'ApproximateAgeOfOldestMessage',
      'TagQueue',
      1800,
      'GreaterThanOrEqualToThreshold',
    ],
    ['CleanFunctionErrors', 'Errors', 'CleanFunction', 0, 'GreaterThanThreshold'],
    ['TagFunctionErrors', 'Errors', 'TagFunction', 0, 'GreaterThanThreshold'],
    ['CleanFunctionThrottles', 'Throttles', 'CleanFunction', 0, 'GreaterThanThreshold'],
    ['TagFunctionThrottles', 'Throttles', 'TagFunction', 0, 'GreaterThanThreshold'],
  ])('alarms on %s: %s of the %s above %d', (alarm, metric, resource, threshold, comparison) => {
    // Prepare
    const { Properties: p } = alarmNamed(alarm);

    // Assess
    expect(p).toMatchObject({ MetricName: metric, Threshold: threshold, ComparisonOperator: comparison });
    expect(p.TreatMissingData).toBe('notBreaching');
    // The dimension points at this stage's resource, not the other stage's.
    expect(mentions(p.Dimensions, resource)).toBe(true);
    const other = resource.startsWith('Clean')
      ? resource.replace('Clean', 'Tag')
      : resource.replace('Tag', 'Clean');
    expect(mentions(p.Dimensions, other)).toBe(false);
    // Each alarm tells the on-call what it means and what to do.
    expect(String(p.AlarmDescription)).toMatch(/newsflow (clean|tag): .{80,}/);
  });

  it('has exactly those eight alarms, each notifying the alarm topic when it fires and when it recovers', () => {
    // Prepare
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));

    // Assess
    expect(alarms).toHaveLength(8);
    for (const [, { Properties: p }] of alarms) {
      expect(p.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(p.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('encrypts the alarm topic with a rotated key CloudWatch may use, and denies publishing without TLS', () => {
    // Prepare
    const [keyId, key] = Object.entries(template.findResources('AWS::KMS::Key'))[0] ?? [];
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    const keyStatements = key?.Properties.KeyPolicy.Statement as Record<string, unknown>[];

    // Assess
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    expect(keyStatements).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
  });

  it('graphs the flow in → cleaned → tagged → rejected → DLQ first, from the namespace the handlers write to', () => {
    // Prepare
    const fns = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Architectures: ['arm64'] } }),
    );
    const namespaces = new Set(
      fns.map(
        (f) => (f.Properties.Environment.Variables as Record<string, string>).POWERTOOLS_METRICS_NAMESPACE,
      ),
    );
    const flow = dashboardBody(template).widgets.find((w) => String(w.properties.title).startsWith('Flow'));
    const rows = (flow?.properties.metrics ?? []) as string[][];

    // Assess
    expect([...namespaces]).toEqual(['Newsflow/Mon']);
    expect(rows.map((r) => r[1])).toEqual([
      'ArticlesReceived',
      'ArticlesCleaned',
      'ArticlesTagged',
      'ArticlesRejected',
      'ApproximateNumberOfMessagesVisible',
      'ApproximateNumberOfMessagesVisible',
    ]);
    for (const row of rows.slice(0, 4)) expect(row[0]).toBe('Newsflow/Mon');
    expect(rows.slice(4).every((r) => r[0] === 'AWS/SQS' && mentions(r, 'DeadLetterQueue'))).toBe(true);
  });

  it('outputs where operators find the dashboard, the alarm topic and the metrics', () => {
    // Assess
    const outputs = template.findOutputs('*');
    for (const name of [STACK_OUTPUTS.dashboard, STACK_OUTPUTS.alarmTopic, STACK_OUTPUTS.metricsNamespace]) {
      expect(Object.keys(outputs)).toContain(name);
    }
  });
});

describe('pipeline monitoring props', () => {
  it.each([
    ['no topic', undefined, 0],
    ['an existing topic', 'existing', 1],
  ] as const)('with %s, alarms notify %s', (_label, topic, actions) => {
    // Prepare
    const stack = new Stack(testApp(), `Topic${actions}`);
    const existing = topic ? new sns.Topic(stack, 'Ops') : undefined;

    // Act
    new ArticlePipeline(stack, 'P', existing ? { existingAlarmTopic: existing } : {});
    const template = Template.fromStack(stack);

    // Assess
    template.resourceCountIs('AWS::KMS::Key', 0);
    const all = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(all).toHaveLength(8);
    for (const a of all) expect(((a.Properties.AlarmActions as unknown[]) ?? []).length).toBe(actions);
  });
});

/** Runs `act` and returns the JSON lines it wrote to stdout (Powertools writes logs and EMF there). */
async function jsonLinesWrittenBy(act: () => Promise<unknown> | unknown): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l.startsWith('{')),
    );
    return true;
  };
  // Powertools writes errors and warnings to stderr, the rest to stdout.
  const spies = [process.stdout, process.stderr].map((s) =>
    jest.spyOn(s, 'write').mockImplementation(capture),
  );
  try {
    await act();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('handlers and monitoring agree', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    // What the construct puts in the functions' environment.
    process.env.POWERTOOLS_METRICS_NAMESPACE = 'Newsflow/Mon';
    delete process.env.POWERTOOLS_METRICS_DISABLED;
    delete process.env.POWERTOOLS_DEV;
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  it('names the object and article of a failed message on its error line, and counts it', async () => {
    // Prepare
    const observability = createObservability('clean');
    const notification = {
      Records: [
        {
          eventSource: 'aws:s3',
          eventTime: '2026-11-27T10:00:00.000Z',
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'uploads' }, object: { key: 'raw/a+b%0A.txt', size: 3, sequencer: '0A1B' } },
        },
      ],
    };
    const event = {
      Records: [
        {
          messageId: 'm-1',
          receiptHandle: 'r-1',
          body: JSON.stringify(notification),
          attributes: { ApproximateReceiveCount: '2' },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:clean',
          awsRegion: 'eu-west-1',
        },
      ],
    } as unknown as SQSEvent;
    const context = {
      functionName: 'clean',
      memoryLimitInMB: '1024',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:clean',
      awsRequestId: 'req-1',
      getRemainingTimeInMillis: () => 60_000,
    } as unknown as Context;

    // Act
    const lines = await jsonLinesWrittenBy(() =>
      processS3Batch(event, context, observability, async () => {
        throw new Error('boom');
      }),
    );

    // Assess
    const failed = lines.find((l) => l.message === 'Message failed');
    expect(failed).toMatchObject({
      level: 'ERROR',
      stage: 'clean',
      bucket: 'uploads',
      key: 'raw/a b\n.txt',
      articleId: articleIdFor('uploads', 'raw/a b\n.txt'),
      messageId: 'm-1',
    });
    const emf = lines.find((l) => '_aws' in l);
    expect(emf?.[METRIC_NAMES.messagesFailed]).toBe(1);
  });
});

/** `namespace|metric|dimension=value|…`: one metric series, as EMF lines and dashboard rows name it. */
type Series = string;

/** The series in the EMF lines Powertools Metrics wrote. */
function emittedSeries(lines: readonly Record<string, unknown>[]): Set<Series> {
  const series = new Set<Series>();
  for (const line of lines) {
    const aws = line._aws as
      | { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] }
      | undefined;
    for (const directive of aws?.CloudWatchMetrics ?? []) {
      for (const dimensions of directive.Dimensions) {
        const dims = dimensions.map((d) => `${d}=${String(line[d])}`);
        for (const { Name } of directive.Metrics) series.add([directive.Namespace, Name, ...dims].join('|'));
      }
    }
  }
  return series;
}

/** The series of the dashboard's rows in the handlers' namespace: `[namespace, name, dim, value, …, options?]`. */
function dashboardSeries(): Series[] {
  return dashboardMetrics(template)
    .filter((row) => row[0] === 'Newsflow/Mon')
    .map((row) => {
      const dims: string[] = [];
      for (let i = 2; i + 1 < row.length && !String(row[i]).startsWith('['); i += 2) {
        dims.push(`${row[i]}=${row[i + 1]}`);
      }
      return [row[0], row[1], ...dims].join('|');
    });
}

describe('the dashboard and alarms read what the handlers emit', () => {
  const saved = { ...process.env };
  let emitted: Set<Series>;

  beforeAll(async () => {
    // What the construct puts in the functions' environment.
    process.env.POWERTOOLS_METRICS_NAMESPACE = 'Newsflow/Mon';
    delete process.env.POWERTOOLS_METRICS_DISABLED;
    delete process.env.POWERTOOLS_DEV;
    const objects = new MemoryObjectStore();
    const config = { processedBucket: PROCESSED_BUCKET, maxObjectBytes: 1000 };
    const now = () => new Date('2019-12-21T08:00:05.000Z');
    const clean = createStageHandler(() => cleanDeps(objects), handleRawChange);
    const tag = createStageHandler(
      () => ({
        objects,
        articles: new MemoryArticleStore(),
        taggers: wordTaggers({ Korea: 'LOCATION' }),
        config: { processedBucket: config.processedBucket, tableName: 'articles' },
        ...createObservability('tag', { logLevel: 'SILENT' }),
        now,
      }),
      handleProcessedChange,
    );
    const story = new TextEncoder().encode('SEOUL (Reuters) - North Korea said on Friday it would talk.');
    objects.upload({ bucket: RAW_BUCKET, key: 'raw/story.txt' }, story, 'text/plain');
    objects.upload({ bucket: RAW_BUCKET, key: 'raw/empty.txt' }, new Uint8Array(0), 'text/plain');
    const raw = (kind: 'created' | 'removed', key: string, sequencer: string) =>
      s3Message({ kind, bucket: RAW_BUCKET, key, sequencer });
    const processed = (kind: 'created' | 'removed', key: string, sequencer: string) =>
      s3Message({ kind, bucket: PROCESSED_BUCKET, key: processedLocation(key).key, sequencer });
    const context = benchContext('newsflow-test', 1024);

    emitted = emittedSeries(
      await jsonLinesWrittenBy(async () => {
        // Clean: cleaned, rejected, a redelivery, an older event, a message that is no notification.
        await clean(
          sqsBatch([
            raw('created', 'raw/story.txt', '10'),
            raw('created', 'raw/empty.txt', '11'),
            raw('created', 'raw/story.txt', '10'),
            raw('created', 'raw/story.txt', '05'),
            'not a notification',
          ]),
          context,
        );
        // Tag: both documents written, a redelivery, a message that is no notification.
        await tag(
          sqsBatch([
            processed('created', 'raw/story.txt', '20'),
            processed('created', 'raw/empty.txt', '21'),
            processed('created', 'raw/story.txt', '20'),
            'not a notification',
          ]),
          context,
        );
        // Tag: a document older than the record (its write raced a newer one).
        const location = processedLocation('raw/story.txt');
        const got = await objects.get(location);
        if (got.status !== 'found') throw new Error('story not cleaned');
        const older = JSON.parse(new TextDecoder().decode(got.object.bytes));
        older.source.sequencer = '01';
        await objects.put(location, JSON.stringify(older), { contentType: 'application/json' });
        await tag(sqsBatch([processed('created', 'raw/story.txt', '22')]), context);
        // A deleted raw object: clean removes its document, tag its record.
        await objects.delete({ bucket: RAW_BUCKET, key: 'raw/empty.txt' });
        await clean(sqsBatch([raw('removed', 'raw/empty.txt', '12')]), context);
        await tag(sqsBatch([processed('removed', 'raw/empty.txt', '23')]), context);
      }),
    );
  });

  afterAll(() => {
    process.env = { ...saved };
  });

  it('graphs only metric series the handlers publish, with the dimensions they publish them with', () => {
    // Prepare
    const graphed = dashboardSeries();

    // Assess
    expect(graphed.length).toBeGreaterThan(12);
    expect(graphed.filter((series) => !emitted.has(series))).toEqual([]);
  });

  it('alarms on metrics of resources the stack creates, or on metrics the handlers publish', () => {
    // Prepare
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const resources = new Set(Object.keys(template.toJSON().Resources));

    // Assess
    for (const { Properties: p } of alarms) {
      if (p.Namespace === 'Newsflow/Mon') {
        const dims = (p.Dimensions as { Name: string; Value: string }[]).map((d) => `${d.Name}=${d.Value}`);
        expect(emitted).toContain([p.Namespace, p.MetricName, ...dims].join('|'));
        continue;
      }
      expect(['AWS/SQS', 'AWS/Lambda']).toContain(p.Namespace);
      const refs = (p.Dimensions as { Value: unknown }[]).map((d) => JSON.stringify(d.Value));
      expect(refs.every((ref) => [...resources].some((id) => ref.includes(`"${id}"`)))).toBe(true);
    }
  });
});
