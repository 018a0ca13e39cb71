import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DEFAULT_MAX_BYTES } from '../core/clean/types';
import { METRIC_NAMES } from '../core/pipeline-metrics';
import { BatchScheduler } from './batch-scheduler';
import { TimeBudgetExceededError } from './errors';
import type { Observability } from './observability';
import { parseS3Notification, type S3Change } from './s3-notification';
import { invocationBudget, type TimeBudget } from './time-budget';

/** Options of {@link processS3Batch}. */
export interface BatchOptions {
  /**
   * Time kept in reserve: no new message is started with less than this left in the invocation.
   * @default 5000
   */
  readonly reserveMs?: number;
  /**
   * Messages handled at once: their S3 and DynamoDB round trips overlap, which is most of an invocation's
   * billed time.
   * @default 10
   */
  readonly concurrency?: number;
  /**
   * Sum of the object sizes (from the S3 notifications) handled at once, so that memory stays within what one
   * object of the size limit takes alone; a larger object runs by itself.
   * @default DEFAULT_MAX_BYTES (5 MiB, the object size limit)
   */
  readonly maxBytesInFlight?: number;
}

const DEFAULT_RESERVE_MS = 5000;
const DEFAULT_CONCURRENCY = 10;

/**
 * Runs one stage over an SQS batch of S3 notifications with partial batch responses: a failing message is
 * reported alone (and redelivered, then dead-lettered) while the rest of its batch succeeds.
 */
export async function processS3Batch(
  event: SQSEvent,
  context: Context,
  observability: Observability,
  handleChange: (change: S3Change, budget: TimeBudget) => Promise<string>,
  options: BatchOptions = {},
): Promise<SQSBatchResponse> {
  const reserveMs = options.reserveMs ?? DEFAULT_RESERVE_MS;
  const { logger, metrics } = observability;
  logger.addContext(context);
  // A processor per invocation: its state must not be shared by overlapping local invocations.
  const processor = new BatchProcessor(EventType.SQS);
  const budget = invocationBudget(context, reserveMs);
  const scheduler = new BatchScheduler({
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    maxWeight: options.maxBytesInFlight ?? DEFAULT_MAX_BYTES,
  });
  const handleRecord = async (record: SQSRecord): Promise<string[]> => {
    // The change being handled when a message fails, so the error line names its object and article.
    let current: S3Change | undefined;
    try {
      const changes = parseS3Notification(record.body);
      const keys = changes.map((c) => `${c.bucket}/${c.key}`);
      const bytes = changes.reduce((sum, c) => sum + Math.max(1, c.size ?? 0), 0);
      return await scheduler.run(keys, bytes, async () => {
        // Checked when the message's turn comes (and by the stage before its heavy work), so the stage stops
        // taking new ones before its time runs out: the rest go back to the queue instead of being cut off
        // mid-write by a timeout.
        budget.check();
        const results: string[] = [];
        for (const change of changes) {
          current = change;
          results.push(await handleChange(change, budget));
        }
        return results;
      });
    } catch (error) {
      // A message handed back for lack of time did not fail.
      if (error instanceof TimeBudgetExceededError) throw error;
      metrics.addMetric(METRIC_NAMES.messagesFailed, MetricUnit.Count, 1);
      logger.error('Message failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        ...(current ? objectLogKeys(current, observability) : {}),
        error: error as Error,
      });
      throw error;
    }
  };
  try {
    return await processPartialResponse(event, handleRecord, processor, {
      context,
      throwOnFullBatchFailure: false,
      processInParallel: true,
    });
  } finally {
    // An invocation that only skipped stale events has nothing to report; publishing would log a warning.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}

function objectLogKeys(change: S3Change, observability: Observability): Record<string, string> {
  let articleId: string | undefined;
  try {
    articleId = observability.articleIdOf?.(change);
  } catch {
    // The id is only context for the error line; failing to derive it must not hide the real error.
  }
  return { bucket: change.bucket, key: change.key, ...(articleId ? { articleId } : {}) };
}
