import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';
import { TABLE_DESIGN } from '../lambdas/core/record/table-design';

/** Secure defaults of both buckets: private, TLS only, encrypted, retained. */
export function defaultBucketProps(removalPolicy: RemovalPolicy): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy,
    autoDeleteObjects: false,
  };
}

/** Defaults of the raw bucket: versioned, so an overwritten or deleted upload can be recovered. */
export function defaultRawBucketProps(removalPolicy: RemovalPolicy): s3.BucketProps {
  return { ...defaultBucketProps(removalPolicy), versioned: true };
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

/** The lookup index (publication day, entity, mentioned date), from the shared table design. */
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

/** Defaults of a stage's dead-letter queue. */
export function defaultDlqProps(): sqs.QueueProps {
  return {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(PIPELINE_SPEC.queue.dlqRetentionDays),
  };
}

/** Defaults shared by both functions: arm64, current Node.js, bundled locally by esbuild with source maps. */
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
    },
    environment: { NODE_OPTIONS: '--enable-source-maps' },
  };
}
