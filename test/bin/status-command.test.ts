import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { UsageError } from '../../bin/cli/errors';
import {
  countRecordsByStatus,
  formatStatus,
  type PipelineStatus,
  queueDepth,
  statusCommand,
} from '../../bin/cli/status-command';
import { createDateTagger } from '../../lambdas/core/dates';
import { RuntimeNotRunningError } from '../../local/errors';
import { LocalRuntime } from '../../local/runtime';

const ROOT = join(__dirname, '..', '..');

/** Runs the command in-process and returns what it printed and its exit code. */
async function runStatus(argv: string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const code = await statusCommand(argv);
    return { code, stdout: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

const GOOD = 'date 2019-12-20\n\nTony Blair met Bill Clinton in London.';

describe('newsflow status against the local runtime', () => {
  let runtime: LocalRuntime;
  let dataDir: string;

  beforeAll(async () => {
    // Prepare: two articles, one rejection, one message stuck in the clean dead-letter queue.
    dataDir = mkdtempSync(join(tmpdir(), 'newsflow-status-'));
    // Status does not depend on what the tagger finds: a stub keeps this test off the entity model.
    runtime = await LocalRuntime.start({
      s3Port: 0,
      dynamodbPort: 0,
      dataDir,
      fresh: true,
      // Long enough that no invocation outlives it on a loaded machine (at 300 ms, a full `npm test` on 2 busy
      // cores redelivered messages until they were dead-lettered, and the depths below were wrong).
      visibilityTimeoutMs: 10_000,
      taggers: { entities: { version: 'stub', tag: () => [] }, dates: createDateTagger() },
    });
    runtime.writeStateFile();
    const upload = (key: string, body: string) =>
      // Bytes: the SDK sends an empty string without Content-Length and warns about streams of unknown length.
      runtime.s3Client.send(
        new PutObjectCommand({ Bucket: runtime.names.rawBucket, Key: key, Body: Buffer.from(body, 'utf8') }),
      );
    await upload('raw/status-a.txt', GOOD);
    await upload('raw/status-b.txt', GOOD.replace('London', 'Paris'));
    await upload('raw/status-empty.txt', '');
    // S3 emits events after answering; under load one can arrive after a first idle moment.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await runtime.waitForIdle();
      const records = await countRecordsByStatus(runtime.dynamodbClient, runtime.names.table);
      if (Object.values(records).reduce((a, b) => a + b, 0) === 3 || Date.now() > deadline) break;
    }
    runtime.cleanDlq.send('a message that failed every delivery');
  }, 90_000);

  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports queue and dead-letter queue depths and records by status (--json)', async () => {
    // Act
    const { code, stdout } = await runStatus(['--data-dir', dataDir, '--json']);

    // Assess
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as PipelineStatus;
    expect(status.queues).toEqual({
      clean: { waiting: 0, inFlight: 0 },
      cleanDlq: { waiting: 1, inFlight: 0 },
      tag: { waiting: 0, inFlight: 0 },
      tagDlq: { waiting: 0, inFlight: 0 },
    });
    expect(status.records).toEqual({ processed: 2, rejected: 1 });
    expect(status.target).toContain('local runtime');
  });

  it('fails --check while a dead-letter queue holds messages', async () => {
    // Act
    const { code } = await runStatus(['--data-dir', dataDir, '--check']);

    // Assess
    expect(code).toBe(1);
  });

  it('prints the tables and the dead-letter warning from the real command line', async () => {
    // Act: asynchronously, so this process keeps serving the runtime the command talks to.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--openssl-legacy-provider',
        '--import',
        'tsx',
        join(ROOT, 'bin', 'newsflow.ts'),
        'status',
        '--data-dir',
        dataDir,
      ],
      { cwd: ROOT, timeout: 60_000 },
    );

    // Assess
    expect(stdout).toMatch(/^clean DLQ\s+1\s+0$/m);
    expect(stdout).toMatch(/^processed\s+2$/m);
    expect(stdout).toMatch(/^rejected\s+1$/m);
    expect(stdout).toContain('1 message in the dead-letter queues');
  }, 60_000);
});

describe('newsflow status without a target', () => {
  it('says no local runtime is running', async () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'newsflow-status-'));

    // Act
    const run = runStatus(['--data-dir', empty]);

    // Assess
    await expect(run).rejects.toThrow(RuntimeNotRunningError);
    rmSync(empty, { recursive: true, force: true });
  });

  it('rejects --region without --stack', async () => {
    // Act
    const run = runStatus(['--region', 'eu-west-1']);

    // Assess
    await expect(run).rejects.toThrow(UsageError);
  });
});

describe('queueDepth', () => {
  it.each([
    [
      { ApproximateNumberOfMessages: '3', ApproximateNumberOfMessagesNotVisible: '2' },
      { waiting: 3, inFlight: 2 },
    ],
    [
      {
        ApproximateNumberOfMessages: '1',
        ApproximateNumberOfMessagesNotVisible: '0',
        ApproximateNumberOfMessagesDelayed: '4',
      },
      { waiting: 5, inFlight: 0 },
    ],
    [{}, { waiting: 0, inFlight: 0 }],
  ])('reads %j as %j', async (attributes, expected) => {
    // Prepare
    const sent: GetQueueAttributesCommand[] = [];
    const sqs = {
      send: async (command: GetQueueAttributesCommand) => {
        sent.push(command);
        return { Attributes: attributes };
      },
    } as unknown as SQSClient;

    // Act
    const depth = await queueDepth(sqs, 'queue-url/q');

    // Assess
    expect(depth).toEqual(expected);
    expect(sent[0]?.input.QueueUrl).toBe('queue-url/q');
  });
});

describe('countRecordsByStatus', () => {
  it('counts record items by status across scan pages, asking only for the status of record items', async () => {
    // Prepare
    const pages = [
      {
        Items: [{ status: { S: 'processed' } }, { status: { S: 'rejected' } }],
        LastEvaluatedKey: { pk: { S: 'x' } },
      },
      { Items: [{ status: { S: 'processed' } }, {}] },
    ];
    const sent: ScanCommand[] = [];
    const dynamodb = {
      send: async (command: ScanCommand) => {
        sent.push(command);
        return pages[sent.length - 1];
      },
    } as unknown as DynamoDBClient;

    // Act
    const counts = await countRecordsByStatus(dynamodb, 'articles');

    // Assess
    expect(counts).toEqual({ processed: 2, rejected: 1, unknown: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.input).toMatchObject({
      TableName: 'articles',
      FilterExpression: '#sk = :record',
      ProjectionExpression: '#status',
      ExpressionAttributeValues: { ':record': { S: 'RECORD' } },
    });
    expect(sent[1]?.input.ExclusiveStartKey).toEqual({ pk: { S: 'x' } });
  });
});

describe('formatStatus', () => {
  const status = (cleanDlq: number, tagDlq: number): PipelineStatus => ({
    target: 'stack Newsflow',
    queues: {
      clean: { waiting: 12, inFlight: 3 },
      cleanDlq: { waiting: cleanDlq, inFlight: 0 },
      tag: { waiting: 0, inFlight: 1 },
      tagDlq: { waiting: tagDlq, inFlight: 0 },
    },
    records: { processed: 40, rejected: 2 },
  });

  it('prints one row per queue and per status, with a total', () => {
    // Act
    const text = formatStatus(status(0, 0));

    // Assess
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'newsflow status: stack Newsflow',
        'clean             12          3',
        'clean DLQ          0          0',
        'tag                0          1',
        'processed         40',
        'rejected           2',
        'total             42',
      ]),
    );
  });

  it.each([
    [0, 0, undefined],
    [1, 0, '! 1 message in the dead-letter queues'],
    [2, 5, '! 7 messages in the dead-letter queues'],
  ])('with %d and %d dead-lettered messages warns %s', (cleanDlq, tagDlq, warning) => {
    // Act
    const text = formatStatus(status(cleanDlq, tagDlq));

    // Assess
    if (warning) expect(text).toContain(warning);
    else expect(text).not.toContain('dead-letter queues');
  });
});
