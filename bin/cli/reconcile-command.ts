import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client as AwsS3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { documentClient } from '../../lambdas/adapters/document-client';
import { AwsPipelineInventory } from '../../lambdas/adapters/pipeline-inventory';
import type { PendingArticles } from '../../lambdas/core/reconcile/plan';
import {
  type ReconcileOptions,
  type ReconcileQueues,
  type ReconcileReport,
  type ReconcileRound,
  reconcile,
} from '../../lambdas/operations/reconcile';
import { localDynamoDbClient, localS3Client } from '../../local/clients';
import type { RuntimeState } from '../../local/runtime';
import { callControl } from './control-client';
import { describeDeployedPipeline } from './deployed-pipeline';
import { CliError, UsageError } from './errors';
import { writeLine } from './io';
import { sendBatch } from './reprocess-command';
import { readRuntimeState } from './runtime-state';

/** SQS batches hold at most 10 messages. */
const SQS_BATCH = 10;
/** Consecutive empty polls of both stage queues before the pipeline counts as drained. */
const QUIET_POLLS = 3;

/**
 * `newsflow reconcile [--stack NAME [--region R]] [--prefix P] [--dry-run] [--data-dir DIR]`: compares
 * the raw bucket with processed documents and records, re-drives what is missing or stale through the
 * normal stages, removes orphans, waits and checks again. Exit 0 when everything matches (at once or after
 * re-driving), 1 when differences remain (or, with --dry-run, were found).
 */
export async function reconcileCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stack: { type: 'string' },
      region: { type: 'string' },
      prefix: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'wait-minutes': { type: 'string' },
    },
  });
  if (values.region && !values.stack) throw new UsageError('--region goes with --stack');
  const waitMinutes = values['wait-minutes'] === undefined ? 30 : Number(values['wait-minutes']);
  if (!Number.isFinite(waitMinutes) || waitMinutes <= 0) {
    throw new UsageError('--wait-minutes must be a positive number');
  }
  const common = {
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    dryRun: values['dry-run'],
    now: () => new Date(),
    onRound: (round: ReconcileRound) => {
      process.stdout.write(`${formatRound(round, values['dry-run'])}\n`);
    },
  };
  const report = values.stack
    ? await reconcileDeployed(values.stack, values.region, waitMinutes, common)
    : await reconcileLocal(readRuntimeState(values['data-dir']), waitMinutes, common);
  await writeLine(formatOutcome(report));
  return report.outcome === 'in-sync' || report.outcome === 'converged' ? 0 : 1;
}

type CommonOptions = Pick<ReconcileOptions, 'prefix' | 'dryRun' | 'now' | 'onRound'>;

function checkPrefix(prefix: string | undefined, rawPrefix: string): void {
  if (prefix === undefined || prefix.startsWith(rawPrefix) || rawPrefix.startsWith(prefix)) return;
  throw new UsageError(
    `--prefix ${JSON.stringify(prefix)} is outside the raw prefix ${JSON.stringify(rawPrefix)}`,
  );
}

async function reconcileLocal(
  state: RuntimeState,
  waitMinutes: number,
  common: CommonOptions,
): Promise<ReconcileReport> {
  checkPrefix(common.prefix, state.names.rawPrefix);
  const s3 = localS3Client(state.s3Endpoint);
  const dynamodb = localDynamoDbClient(state.dynamodbEndpoint);
  const queues: ReconcileQueues = {
    send: async (stage, bodies) =>
      (await callControl<{ queued: number }>(state, 'POST', `/send?stage=${stage}`, { bodies })).queued,
    pending: async () => {
      const got = await callControl<{ clean: string[]; tag: string[] }>(state, 'GET', '/pending');
      return { clean: new Set(got.clean), tag: new Set(got.tag) } satisfies PendingArticles;
    },
    drained: () =>
      waitUntilQuiet(
        async () => {
          const { queues } = await callControl<{ queues: Record<string, { depth: number }> }>(
            state,
            'GET',
            '/status',
          );
          return (queues.clean?.depth ?? 0) + (queues.tag?.depth ?? 0);
        },
        { pollMs: 250, waitMinutes },
      ),
  };
  try {
    return await reconcile({
      ...common,
      names: state.names,
      inventory: new AwsPipelineInventory(s3, documentClient(dynamodb), state.names),
      queues,
    });
  } finally {
    s3.destroy();
    dynamodb.destroy();
  }
}

async function reconcileDeployed(
  stackName: string,
  region: string | undefined,
  waitMinutes: number,
  common: CommonOptions,
): Promise<ReconcileReport> {
  const pipeline = await describeDeployedPipeline(stackName, region);
  checkPrefix(common.prefix, pipeline.rawPrefix);
  const config = region ? { region } : {};
  const s3 = new AwsS3Client(config);
  const dynamodb = new DynamoDBClient(config);
  const sqs = new SQSClient(config);
  const names = {
    rawBucket: pipeline.rawBucket,
    rawPrefix: pipeline.rawPrefix,
    processedBucket: pipeline.processedBucket,
    table: pipeline.table,
  };
  const queues: ReconcileQueues = {
    send: async (stage, bodies) => {
      let queued = 0;
      for (let i = 0; i < bodies.length; i += SQS_BATCH) {
        const sent = await sendBatch(sqs, pipeline.queueUrls[stage], bodies.slice(i, i + SQS_BATCH));
        queued += sent.filter(Boolean).length;
      }
      return queued;
    },
    // SQS cannot list what it holds; a re-drive of an article already queued is only repeated work.
    pending: async () => undefined,
    drained: () =>
      waitUntilQuiet(
        async () => {
          let messages = 0;
          for (const url of [pipeline.queueUrls.clean, pipeline.queueUrls.tag]) {
            const out = await sqs.send(
              new GetQueueAttributesCommand({
                QueueUrl: url,
                AttributeNames: [
                  'ApproximateNumberOfMessages',
                  'ApproximateNumberOfMessagesNotVisible',
                  'ApproximateNumberOfMessagesDelayed',
                ],
              }),
            );
            for (const v of Object.values(out.Attributes ?? {})) messages += Number(v) || 0;
          }
          return messages;
        },
        // S3 takes a moment to deliver the notifications of documents the clean stage just wrote.
        { pollMs: 5000, waitMinutes },
      ),
  };
  try {
    return await reconcile({
      ...common,
      names,
      inventory: new AwsPipelineInventory(s3, documentClient(dynamodb), names),
      queues,
    });
  } finally {
    s3.destroy();
    dynamodb.destroy();
    sqs.destroy();
  }
}

/** Polls until `messages()` is 0 on {@link QUIET_POLLS} polls in a row. @throws CliError after the wait. */
async function waitUntilQuiet(
  messages: () => Promise<number>,
  options: { pollMs: number; waitMinutes: number },
): Promise<void> {
  const deadline = Date.now() + options.waitMinutes * 60_000;
  let quiet = 0;
  for (;;) {
    quiet = (await messages()) === 0 ? quiet + 1 : 0;
    if (quiet >= QUIET_POLLS) return;
    if (Date.now() > deadline) {
      throw new CliError(
        `the pipeline still holds messages after ${options.waitMinutes} minutes; run reconcile again later`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** One line per round: what was compared, found and sent. */
export function formatRound(round: ReconcileRound, dryRun: boolean): string {
  const found = Object.entries(round.found)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const parts = [
    `round ${round.round}: ${round.raw} raw objects, ${round.documents} documents, ${round.records} records`,
    `${round.inSync} in sync`,
  ];
  if (round.pending > 0) parts.push(`${round.pending} already queued`);
  if (found) parts.push(`found ${found}`);
  if (round.sent > 0) parts.push(`re-drove ${round.sent}`);
  else if (found && dryRun) parts.push('nothing sent (dry run)');
  if (round.refused > 0) parts.push(`${round.refused} refused by the queue`);
  if (round.unreadable.length > 0)
    parts.push(`${round.unreadable.length} unreadable documents left in place`);
  return parts.join('; ');
}

/** The closing line. */
export function formatOutcome(report: ReconcileReport): string {
  const rounds = report.rounds.length;
  switch (report.outcome) {
    case 'in-sync':
      return 'in sync: every raw object has a current document and record; no orphans';
    case 'converged':
      return `converged after ${rounds - 1} re-drive round${rounds === 2 ? '' : 's'}: in sync, no orphans`;
    case 'differences':
      return 'differences found (dry run): run without --dry-run to re-drive them';
    case 'redriven':
      return 're-drives queued';
    default:
      return `not converged after ${rounds - 1} re-drive rounds: check the dead-letter queues (newsflow status)`;
  }
}
