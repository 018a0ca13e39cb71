import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { TABLE_DESIGN } from '../lambdas/adapters/article-table';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';

/** How long an overwritten or deleted upload stays recoverable in the versioned raw bucket. */
export const DEFAULT_NONCURRENT_VERSION_RETENTION = Duration.days(30);

/** How long S3 server access logs are kept. */
export const DEFAULT_ACCESS_LOG_RETENTION = Duration.days(90);

/** Uploads that never completed cost storage and are invisible; S3 drops their parts after this. */
const INCOMPLETE_UPLOAD_RETENTION = Duration.days(7);

/**
 * Secure defaults of every bucket: private (all public access blocked, ACLs disabled), TLS 1.2+ only,
 * encrypted with S3-managed keys (stated, not implied), retained (or, for a dev stack that destroys its
 * data, emptied and deleted with the stack).
 */
export function defaultBucketProps(removalPolicy: RemovalPolicy): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy,
    // A bucket that still holds objects (or old versions) cannot be deleted: a stack that destroys its
    // data on deletion must empty its buckets first, or `cdk destroy` fails.
    autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    lifecycleRules: [
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_RETENTION },
    ],
  };
}

/**
 * Defaults of the raw bucket: versioned, so an overwritten or deleted upload can be recovered for
 * `noncurrentVersionRetention`; then the old versions and the delete markers left behind are removed.
 */
export function defaultRawBucketProps(
  removalPolicy: RemovalPolicy,
  noncurrentVersionRetention: Duration = DEFAULT_NONCURRENT_VERSION_RETENTION,
): s3.BucketProps {
  return {
    ...defaultBucketProps(removalPolicy),
    versioned: true,
    lifecycleRules: [
      {
        id: 'expire-noncurrent-versions',
        noncurrentVersionExpiration: noncurrentVersionRetention,
        abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_RETENTION,
      },
      { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
    ],
  };
}

/**
 * Defaults of the dedicated S3 server access log bucket. S3 log delivery only writes to buckets encrypted with
 * S3-managed keys, so SSE-S3 is a requirement here, not a choice; logs expire after `retention`.
 */
export function defaultAccessLogBucketProps(
  removalPolicy: RemovalPolicy,
  retention: Duration = DEFAULT_ACCESS_LOG_RETENTION,
): s3.BucketProps {
  return {
    ...defaultBucketProps(removalPolicy),
    lifecycleRules: [
      {
        id: 'expire-old-access-logs',
        expiration: retention,
        abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_RETENTION,
      },
    ],
  };
}

/** Defaults of the article table, keyed by the shared table design. */
export function defaultTableProps(removalPolicy: RemovalPolicy): dynamodb.TableProps {
  return {
    partitionKey: { name: TABLE_DESIGN.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: TABLE_DESIGN.sortKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
    removalPolicy,
  };
}

/** The lookup index (record items by publication day), from the shared table layout. */
export function lookupIndexProps(): dynamodb.GlobalSecondaryIndexProps {
  const index = TABLE_DESIGN.lookupIndex;
  return {
    indexName: index.name,
    partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.INCLUDE,
    nonKeyAttributes: [...index.nonKeyAttributes],
  };
}

/**
 * Encryption of every queue: SSE-SQS. S3 event notifications can only be delivered to an encrypted queue whose
 * key lets S3 use it; the AWS-managed `aws/sqs` KMS key does not (its policy cannot be changed), and S3 then
 * drops the notifications without an error anywhere. A customer-managed key would also work but costs a key
 * and a key policy per queue for no gain here.
 */
export const QUEUE_ENCRYPTION = sqs.QueueEncryption.SQS_MANAGED;

/** Defaults of a stage's dead-letter queue: encrypted, TLS only, messages kept 14 days for inspection and redrive. */
export function defaultDlqProps(): sqs.QueueProps {
  return {
    encryption: QUEUE_ENCRYPTION,
    enforceSSL: true,
    retentionPeriod: Duration.days(PIPELINE_SPEC.queue.dlqRetentionDays),
  };
}

/** Defaults of a stage's queue (S3 notifications in): encrypted so S3 can deliver, TLS only, dead-lettered. */
export function defaultStageQueueProps(
  visibilityTimeout: Duration,
  deadLetterQueue: sqs.IQueue,
  maxReceiveCount: number,
): sqs.QueueProps {
  return {
    encryption: QUEUE_ENCRYPTION,
    enforceSSL: true,
    visibilityTimeout,
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount },
  };
}

/**
 * Defaults shared by both functions: arm64, current Node.js, bundled locally by esbuild with source maps. The
 * AWS SDK is bundled too: the functions run the SDK version the tests ran (conditional S3 writes depend on it),
 * not whatever version the Lambda runtime ships.
 */
export function defaultFunctionProps(): NodejsFunctionProps {
  return {
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 1024,
    timeout: Duration.seconds(60),
    tracing: lambda.Tracing.ACTIVE,
    handler: 'handler',
    bundling: {
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      target: 'node22',
      forceDockerBundling: false,
      bundleAwsSDK: true,
      mainFields: ['module', 'main'],
    },
    environment: { NODE_OPTIONS: '--enable-source-maps' },
  };
}
