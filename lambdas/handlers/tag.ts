import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../adapters/article-store';
import { loadTaggers } from '../adapters/load-taggers';
import { S3ObjectStore } from '../adapters/object-store';
import type { SqsHandler } from './clean';
import { resolveTagConfig, SDK_CLIENT_CONFIG } from './config';
import { createObservability } from './observability';
import { processS3Batch } from './sqs-batch';
import { handleProcessedChange, type TagStageDeps } from './tag-stage';

/** Builds the tag Lambda's handler around injected dependencies (resolved lazily, once). */
export function createTagHandler(deps: () => TagStageDeps): SqsHandler {
  let resolved: TagStageDeps | undefined;
  return (event, context) => {
    resolved ??= deps();
    const d = resolved;
    return processS3Batch(event, context, d, (change) => handleProcessedChange(change, d), d.batch);
  };
}

/** A document client that drops undefined attributes (optional record fields). */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Dependencies of the deployed function, from its environment. */
export function tagDepsFromEnvironment(): TagStageDeps {
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
export const handler: SqsHandler = createTagHandler(tagDepsFromEnvironment);
