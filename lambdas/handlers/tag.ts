import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../adapters/article-store';
import { loadTaggers } from '../adapters/load-taggers';
import { S3ObjectStore } from '../adapters/object-store';
import { resolveTagConfig, SDK_CLIENT_CONFIG } from './config';
import { createObservability } from './observability';
import { createStageHandler, type SqsHandler } from './stage-handler';
import { handleProcessedChange, type TagStageDeps } from './tag-stage';

/** A document client that drops undefined attributes (optional record fields). */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

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
