import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../adapters/object-store';
import { type CleanStageDeps, handleRawChange } from './clean-stage';
import { resolveCleanConfig, SDK_CLIENT_CONFIG } from './config';
import { createObservability } from './observability';
import { createStageHandler, type SqsHandler } from './stage-handler';

function depsFromEnvironment(): CleanStageDeps {
  return {
    objects: new S3ObjectStore(new S3Client(SDK_CLIENT_CONFIG)),
    config: resolveCleanConfig(process.env),
    ...createObservability('clean'),
    now: () => new Date(),
  };
}

/** The clean Lambda's entry point. */
export const handler: SqsHandler = createStageHandler(depsFromEnvironment, handleRawChange);
