import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { localDynamoDbClient } from '../../local/clients';
import { describeDeployedPipeline } from './deployed-pipeline';
import { UsageError } from './errors';
import { readRuntimeState } from './runtime-state';

/** Where `newsflow query` and `newsflow view` read from. */
export interface QueryTarget {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** For messages: "local runtime", "stack Newsflow", … */
  readonly description: string;
  /** The local runtime's S3 API, when reading from it (for records whose text lives in S3). */
  readonly s3Endpoint?: string;
  /** The pipeline's raw bucket and prefix when known, so an article can be named by its key. */
  readonly rawBucket?: string;
  readonly rawPrefix?: string;
}

/** The options that choose a target; at most one of `stack` and `table` (with or without `endpoint`). */
export interface TargetOptions {
  readonly stack?: string | undefined;
  readonly table?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly dataDir?: string | undefined;
}

/**
 * Resolves the table to read: a deployed stack's (`--stack`, from its `TableName` output), a named table with
 * the usual AWS credentials (`--table`), any DynamoDB API (`--endpoint`), or by default the running local runtime.
 */
export async function resolveQueryTarget(options: TargetOptions): Promise<QueryTarget> {
  if (options.stack !== undefined && options.table !== undefined)
    throw new UsageError('use either --stack or --table, not both');
  if (options.stack !== undefined) {
    const pipeline = await describeDeployedPipeline(options.stack);
    return {
      client: new DynamoDBClient({}),
      tableName: pipeline.table,
      description: `stack ${options.stack} (${pipeline.table})`,
      rawBucket: pipeline.rawBucket,
      rawPrefix: pipeline.rawPrefix,
    };
  }
  if (options.endpoint !== undefined) {
    const tableName = options.table ?? PIPELINE_SPEC.localNames.table;
    return {
      client: localDynamoDbClient(options.endpoint),
      tableName,
      description: `${tableName} at ${options.endpoint}`,
      // Another local runtime: its buckets have the local names.
      rawBucket: PIPELINE_SPEC.localNames.rawBucket,
      rawPrefix: PIPELINE_SPEC.rawPrefix,
    };
  }
  if (options.table !== undefined) {
    return {
      client: new DynamoDBClient({}),
      tableName: options.table,
      description: `table ${options.table}`,
    };
  }
  const state = readRuntimeState(options.dataDir);
  return {
    client: localDynamoDbClient(state.dynamodbEndpoint),
    tableName: state.names.table,
    description: `local runtime (${state.dynamodbEndpoint})`,
    s3Endpoint: state.s3Endpoint,
    rawBucket: state.names.rawBucket,
    rawPrefix: state.names.rawPrefix,
  };
}
