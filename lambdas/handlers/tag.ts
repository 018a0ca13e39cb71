import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoArticleStore } from '../adapters/article-store';
import { documentClient } from '../adapters/document-client';
import { loadTaggers } from '../adapters/load-taggers';
import { S3ObjectStore } from '../adapters/object-store';
import { resolveTagConfig, SDK_CLIENT_CONFIG } from './config';
import { createObservability } from './observability';
import { createStageHandler, type SqsHandler } from './stage-handler';
import { handleProcessedChange } from './tag-stage';
import type { TagStageDeps } from './tag-stage-deps';

function depsFromEnvironment(): TagStageDeps {
  const config = resolveTagConfig(process.env);
  return {
    objects: new S3ObjectStore(new S3Client(SDK_CLIENT_CONFIG)),
    articles: new DynamoArticleStore(documentClient(new DynamoDBClient(SDK_CLIENT_CONFIG)), config.tableName),
    taggers: loadTaggers(),
    config,
    ...createObservability('tag'),
    now: () => new Date(),
  };
}

/** The tag Lambda's entry point. Models load at cold start (first invocation), once per container. */
export const handler: SqsHandler = createStageHandler(depsFromEnvironment, handleProcessedChange);
