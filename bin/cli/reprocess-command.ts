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
      const failed = await inChunks(keys, 're-tag', (chunk) =>
        sendBatch(
          sqs,
          pipeline.queueUrls.tag,
          chunk.map((key) => notificationBody(pipeline.processedBucket, key, clock.next())),
        ),
      );
      return failed === 0 ? 0 : 1;
    } finally {
      s3.destroy();
      sqs.destroy();
    }
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
      return chunk.map(() => true);
    });
  } finally {
    s3.destroy();
  }
  return 0;
}

/** Attempts per message before a batch entry SQS keeps refusing counts as failed. */
const SEND_ATTEMPTS = 4;

/**
 * Sends message bodies (at most 10) as one SQS batch. A batch call succeeds even when some of its entries
 * fail, so the failed ones are sent again (with a growing pause), and what still fails is reported, never
 * counted as queued. Returns, per body, whether it was queued.
 */
export async function sendBatch(
  sqs: Pick<SQSClient, 'send'>,
  queueUrl: string,
  bodies: readonly string[],
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean[]> {
  const queued = bodies.map(() => false);
  let pending = bodies.map((_, i) => i);
  for (let attempt = 1; attempt <= SEND_ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 1) await pause(100 * 2 ** attempt);
    const out = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: pending.map((i) => ({ Id: String(i), MessageBody: bodies[i] as string })),
      }),
    );
    for (const ok of out.Successful ?? []) queued[Number(ok.Id)] = true;
    const failed = out.Failed ?? [];
    // A sender fault (a malformed entry) fails the same way every time.
    if (failed.every((f) => f.SenderFault)) {
      pending = [];
      break;
    }
    pending = failed.filter((f) => !f.SenderFault).map((f) => Number(f.Id));
  }
  return queued;
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

/** Sends keys in chunks with a progress bar; returns how many could not be queued. */
async function inChunks(
  keys: readonly string[],
  label: string,
  send: (chunk: string[]) => Promise<readonly boolean[]>,
): Promise<number> {
  const bar = new ProgressBar(keys.length, label);
  let failed = 0;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const queued = await send(chunk);
    for (const ok of queued) {
      bar.tick(ok);
      if (!ok) failed++;
    }
  }
  bar.finish();
  const sent = keys.length - failed;
  await writeLine(`queued ${sent} article${sent === 1 ? '' : 's'} for re-tagging`);
  if (failed > 0) await writeLine(`${failed} could not be queued (SQS refused them): run reprocess again`);
  return failed;
}
