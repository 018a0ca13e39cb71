import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Observability } from './observability';
import type { S3Change } from './s3-notification';
import { type BatchOptions, processS3Batch } from './sqs-batch';
import type { TimeBudget } from './time-budget';

/** A Lambda handler for SQS batches of S3 notifications. */
export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** What every stage's dependencies carry: where it logs and counts, and its batch settings. */
export interface StageDeps extends Observability {
  /** Batch settings (time budget); the Lambdas use the defaults. */
  readonly batch?: BatchOptions;
}

/**
 * Builds a stage's handler: dependencies are resolved lazily, once per container (models and clients load
 * at the first invocation), and each change of a batch goes to `handleChange`.
 */
export function createStageHandler<D extends StageDeps>(
  deps: () => D,
  handleChange: (change: S3Change, deps: D, budget: TimeBudget) => Promise<string>,
): SqsHandler {
  let resolved: D | undefined;
  return (event, context) => {
    resolved ??= deps();
    const d = resolved;
    return processS3Batch(event, context, d, (change, budget) => handleChange(change, d, budget), d.batch);
  };
}
