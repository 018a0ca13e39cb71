import { parseArgs } from 'node:util';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { RECORD_SK, TABLE_DESIGN } from '../../lambdas/adapters/article-table';
import { localDynamoDbClient } from '../../local/clients';
import type { RuntimeState } from '../../local/runtime';
import { callControl } from './control-client';
import { describeDeployedPipeline } from './deployed-pipeline';
import { CliError, UsageError } from './errors';
import { readRuntimeState } from './runtime-state';

/** The pipeline's four queues, in flow order. */
export const QUEUE_ROLES = ['clean', 'cleanDlq', 'tag', 'tagDlq'] as const;

/** One of {@link QUEUE_ROLES}. */
export type QueueRole = (typeof QUEUE_ROLES)[number];

/** Messages in one queue. */
export interface QueueDepth {
  /** Visible: waiting to be received. */
  readonly waiting: number;
  /** Received and not yet deleted (being processed, or failed and waiting out the visibility timeout). */
  readonly inFlight: number;
}

/** What `newsflow status` reports. */
export interface PipelineStatus {
  /** What was asked: the local runtime or a stack. */
  readonly target: string;
  readonly queues: Readonly<Record<QueueRole, QueueDepth>>;
  /** Record items by `status` (`processed`, `rejected`). */
  readonly records: Readonly<Record<string, number>>;
}

const HELP = `newsflow status [--stack NAME [--region R]] [--data-dir DIR] [--json] [--check]

Queue depths (waiting, in flight), dead-letter queue depths and article records by status.

  (default)        the local runtime started by \`npm start\` (found through .local/runtime.json)
  --stack NAME     a deployed stack: reads its outputs (CloudFormation DescribeStacks), the queues'
                   attributes (SQS GetQueueAttributes) and counts records with a Scan of the table.
                   The Scan reads the whole table (read capacity grows with its size): fine for an
                   operator now and then, not for a monitor. Needs AWS credentials.
  --json           one JSON object instead of tables
  --check          exit 1 when a dead-letter queue holds messages
`;

/** `newsflow status`: how the pipeline is doing, locally or deployed. */
export async function statusCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stack: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.region && !values.stack) throw new UsageError('--region goes with --stack');
  const status = values.stack
    ? await deployedStatus(values.stack, values.region)
    : await localStatus(readRuntimeState(values['data-dir']));
  process.stdout.write(values.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
  return values.check && deadLettered(status) > 0 ? 1 : 0;
}

/** Messages in both dead-letter queues. */
export function deadLettered(status: PipelineStatus): number {
  const { cleanDlq, tagDlq } = status.queues;
  return cleanDlq.waiting + cleanDlq.inFlight + tagDlq.waiting + tagDlq.inFlight;
}

const LocalQueuesSchema = z.object({
  queues: z.object(
    Object.fromEntries(
      QUEUE_ROLES.map((role) => [
        role,
        z.object({ depth: z.number().int().nonnegative(), inFlight: z.number().int().nonnegative() }),
      ]),
    ) as Record<QueueRole, z.ZodObject<{ depth: z.ZodNumber; inFlight: z.ZodNumber }>>,
  ),
});

/**
 * Status of the local runtime: its queues live inside the `npm start` process, which serves them on its control
 * endpoint (127.0.0.1); records are counted in its local table.
 */
export async function localStatus(state: RuntimeState): Promise<PipelineStatus> {
  const body = await callControl<unknown>(state, 'GET', '/status');
  const parsed = LocalQueuesSchema.safeParse(body);
  if (!parsed.success)
    throw new CliError(`Unexpected status from the local runtime: ${parsed.error.message}`);
  const queues = Object.fromEntries(
    QUEUE_ROLES.map((role) => {
      const q = parsed.data.queues[role];
      return [role, { waiting: q.depth - q.inFlight, inFlight: q.inFlight }];
    }),
  ) as Record<QueueRole, QueueDepth>;
  const client = localDynamoDbClient(state.dynamodbEndpoint);
  try {
    return {
      target: `local runtime (S3 ${state.s3Endpoint}, DynamoDB ${state.dynamodbEndpoint})`,
      queues,
      records: await countRecordsByStatus(client, state.names.table),
    };
  } finally {
    client.destroy();
  }
}

/** Status of a deployed stack, found by name through its outputs. */
export async function deployedStatus(stackName: string, region?: string): Promise<PipelineStatus> {
  const pipeline = await describeDeployedPipeline(stackName, region);
  const config = region ? { region } : {};
  const sqs = new SQSClient(config);
  const dynamodb = new DynamoDBClient(config);
  try {
    const depths = await Promise.all(QUEUE_ROLES.map((role) => queueDepth(sqs, pipeline.queueUrls[role])));
    return {
      target: `stack ${stackName}${region ? ` (${region})` : ''}`,
      queues: Object.fromEntries(QUEUE_ROLES.map((role, i) => [role, depths[i]])) as Record<
        QueueRole,
        QueueDepth
      >,
      records: await countRecordsByStatus(dynamodb, pipeline.table),
    };
  } finally {
    sqs.destroy();
    dynamodb.destroy();
  }
}

/** Depth of a deployed queue (SQS's approximate counts; delayed messages count as waiting). */
export async function queueDepth(sqs: Pick<SQSClient, 'send'>, queueUrl: string): Promise<QueueDepth> {
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  const count = (name: string) => {
    const n = Number(out.Attributes?.[name as keyof typeof out.Attributes] ?? 0);
    return Number.isFinite(n) ? n : 0;
  };
  return {
    waiting: count('ApproximateNumberOfMessages') + count('ApproximateNumberOfMessagesDelayed'),
    inFlight: count('ApproximateNumberOfMessagesNotVisible'),
  };
}

/**
 * Record items by status, from a Scan that returns only the status of record items (lookup items are filtered
 * out server-side). Reads the whole table: an operator command, not a monitor.
 */
export async function countRecordsByStatus(
  dynamodb: Pick<DynamoDBClient, 'send'>,
  table: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#sk = :record',
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#sk': TABLE_DESIGN.sortKey, '#status': 'status' },
        ExpressionAttributeValues: { ':record': { S: RECORD_SK } },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const status = item.status?.S ?? 'unknown';
      counts[status] = (counts[status] ?? 0) + 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
}

const QUEUE_LABELS: Record<QueueRole, string> = {
  clean: 'clean',
  cleanDlq: 'clean DLQ',
  tag: 'tag',
  tagDlq: 'tag DLQ',
};

/** The human-readable report: a queue table, a record table, and a warning when messages are dead-lettered. */
export function formatStatus(status: PipelineStatus): string {
  const row = (cells: (string | number)[], widths: number[]) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0)))
      .join('  ');
  const queueWidths = [10, 8, 9];
  const lines = [
    `newsflow status: ${status.target}`,
    '',
    row(['queue', 'waiting', 'in flight'], queueWidths),
    ...QUEUE_ROLES.map((role) =>
      row([QUEUE_LABELS[role], status.queues[role].waiting, status.queues[role].inFlight], queueWidths),
    ),
    '',
  ];
  const statuses = [
    'processed',
    'rejected',
    ...Object.keys(status.records)
      .filter((s) => !['processed', 'rejected'].includes(s))
      .sort(),
  ];
  const total = Object.values(status.records).reduce((a, b) => a + b, 0);
  const recordWidths = [10, 8];
  lines.push(
    row(['records', 'count'], recordWidths),
    ...statuses.map((s) => row([s, status.records[s] ?? 0], recordWidths)),
    row(['total', total], recordWidths),
  );
  const dead = deadLettered(status);
  if (dead > 0) {
    lines.push(
      '',
      `! ${dead} message${dead === 1 ? '' : 's'} in the dead-letter queues: find the cause in the function logs ` +
        '("Message failed"), fix it, then redrive (README, "Operating it").',
    );
  }
  return `${lines.join('\n')}\n`;
}
