import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Observability } from './observability';
import { parseS3Notification, type S3Change } from './s3-notification';

/**
 * Runs one stage over an SQS batch of S3 notifications with partial batch responses: a failing message is
 * reported alone (and redelivered, then dead-lettered) while the rest of its batch succeeds.
 */
export async function processS3Batch(
  event: SQSEvent,
  context: Context,
  observability: Observability,
  handleChange: (change: S3Change) => Promise<string>,
): Promise<SQSBatchResponse> {
  const { logger, metrics } = observability;
  logger.addContext(context);
  // A processor per invocation: its state must not be shared by overlapping local invocations.
  const processor = new BatchProcessor(EventType.SQS);
  const handleRecord = async (record: SQSRecord): Promise<string[]> => {
    try {
      const results: string[] = [];
      for (const change of parseS3Notification(record.body)) results.push(await handleChange(change));
      return results;
    } catch (error) {
      logger.error('Message failed', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  };
  try {
    return await processPartialResponse(event, handleRecord, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  } finally {
    // An invocation that only skipped stale events has nothing to report; publishing would log a warning.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}
