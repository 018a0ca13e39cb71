import { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { S3ObjectStore } from '../adapters/object-store';
import { type CleanStageDeps, handleRawChange } from './clean-stage';
import { resolveCleanConfig, SDK_CLIENT_CONFIG } from './config';
import { createObservability } from './observability';
import { processS3Batch } from './sqs-batch';

/** A Lambda handler for SQS batches of raw-object notifications. */
export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Builds the clean Lambda's handler around injected dependencies (resolved lazily, once). */
export function createCleanHandler(deps: () => CleanStageDeps): SqsHandler {
  let resolved: CleanStageDeps | undefined;
  return (event, context) => {
    resolved ??= deps();
    const d = resolved;
    return processS3Batch(event, context, d, (change) => handleRawChange(change, d), d.batch);
  };
}

/** Dependencies of the deployed function, from its environment. */
export function cleanDepsFromEnvironment(): CleanStageDeps {
  return {
    objects: new S3ObjectStore(new S3Client(SDK_CLIENT_CONFIG)),
    config: resolveCleanConfig(process.env),
    ...createObservability('clean'),
    now: () => new Date(),
  };
}

/** The clean Lambda's entry point. */
export const handler: SqsHandler = createCleanHandler(cleanDepsFromEnvironment);
