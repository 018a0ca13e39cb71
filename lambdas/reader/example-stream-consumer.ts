import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { articleChangeOf } from './stream';

const logger = new Logger({ serviceName: 'newsflow-stream-consumer' });

/**
 * The example consumer `ArticlePipeline` deploys with `streamConsumer: {}`: logs one line per article change.
 * Replace the body of the loop with your own work (index, notify, sync); on a failure it reports the record, so
 * Lambda retries from there and the batch's earlier records are not processed twice.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const streamRecord of event.Records) {
    try {
      const change = articleChangeOf(streamRecord);
      if (change === undefined) continue;
      const current = change.kind === 'deleted' ? change.previous : change.record;
      logger.info('article change', {
        change: change.kind,
        articleId: change.articleId,
        title: current.title,
        publishedAt: current.publishedAt,
        status: current.status,
        entities: current.entitySummary.length,
      });
    } catch (error) {
      logger.error('cannot handle stream record', { error: error as Error, eventID: streamRecord.eventID });
      return { batchItemFailures: [{ itemIdentifier: streamRecord.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
