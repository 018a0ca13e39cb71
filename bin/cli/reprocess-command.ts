import { parseArgs } from 'node:util';
import { S3Client as AwsS3Client, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { listObjects } from '../../lambdas/adapters/object-listing';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import { localS3Client } from '../../local/clients';
import { SequencerClock, toS3NotificationRecord } from '../../local/s3-events';
import { callControl } from './control-client';
import { describeDeployedPipeline } from './deployed-pipeline';
import { writeLine } from './io';
import { ProgressBar } from './progress';
import { readRuntimeState } from './runtime-state';

/** Re-tag requests sent per control call or SQS batch. */
const CHUNK = 10;

/**
 * `newsflow reprocess [--prefix P] [--stack NAME [--region R]]`: re-tags stored cleaned documents (after the
 * tagger improved) by sending the tag stage one notification per article whose raw key starts with the prefix.
 * Idempotent: an article whose record already comes from the current tagger is not written again.
 */
export async function reprocessCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      prefix: { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (values.stack) {
    const pipeline = await describeDeployedPipeline(values.stack, values.region);
    const config = values.region ? { region: values.region } : {};
    const s3 = new AwsS3Client(config);
    const sqs = new SQSClient(config);
    try {
      const keys = await processedKeysUnder(
        s3,
        pipeline.rawBucket,
        values.prefix ?? pipeline.rawPrefix,
        pipeline.processedBucket,
      );
      const clock = new SequencerClock();
      await inChunks(keys, 're-tag', async (chunk) => {
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: pipeline.queueUrls.tag,
            Entries: chunk.map((key, i) => ({
              Id: String(i),
              MessageBody: notificationBody(pipeline.processedBucket, key, clock.next()),
            })),
          }),
        );
      });
    } finally {
      s3.destroy();
      sqs.destroy();
    }
    return 0;
  }
  const state = readRuntimeState(values['data-dir']);
  const s3 = localS3Client(state.s3Endpoint);
  try {
    const keys = await processedKeysUnder(
      s3,
      state.names.rawBucket,
      values.prefix ?? state.names.rawPrefix,
      state.names.processedBucket,
    );
    await inChunks(keys, 're-tag', async (chunk) => {
      await callControl(state, 'POST', '/reprocess', { keys: chunk });
    });
  } finally {
    s3.destroy();
  }
  return 0;
}

/** Processed-document keys of the raw objects under a prefix that have a processed document. */
async function processedKeysUnder(
  s3: S3Client,
  rawBucket: string,
  prefix: string,
  processedBucket: string,
): Promise<string[]> {
  const existing = new Set((await listObjects(s3, processedBucket)).map((o) => o.key));
  const keys = (await listObjects(s3, rawBucket, prefix)).map((o) =>
    processedKeyFor(articleIdFor(rawBucket, o.key)),
  );
  return keys.filter((k) => existing.has(k));
}

function notificationBody(bucket: string, key: string, sequencer: string): string {
  const record = toS3NotificationRecord(
    {
      eventName: 'ObjectCreated:Put',
      eventTime: new Date().toISOString(),
      s3: { bucket: { name: bucket }, object: { key } },
    },
    'newsflow-reprocess',
    sequencer,
  );
  return JSON.stringify({ Records: [record] });
}

async function inChunks(
  keys: readonly string[],
  label: string,
  send: (chunk: string[]) => Promise<void>,
): Promise<void> {
  const bar = new ProgressBar(keys.length, label);
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    await send(chunk);
    for (const _ of chunk) bar.tick(true);
  }
  bar.finish();
  await writeLine(`queued ${keys.length} article${keys.length === 1 ? '' : 's'} for re-tagging`);
}
