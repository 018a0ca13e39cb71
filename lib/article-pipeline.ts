import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_MAX_BYTES } from '../lambdas/core/clean/types';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';
import {
  defaultBucketProps,
  defaultDlqProps,
  defaultFunctionProps,
  defaultRawBucketProps,
  defaultTableProps,
  lookupIndexProps,
} from './article-pipeline-defaults';

/** Properties of {@link ArticlePipeline}. */
export interface ArticlePipelineProps {
  /**
   * Key prefix of uploads; only objects under it are ingested.
   * @default 'raw/'
   */
  readonly rawPrefix?: string;
  /**
   * An existing bucket to ingest from, instead of creating one.
   * @default - a new private, versioned, encrypted bucket
   */
  readonly existingRawBucket?: s3.IBucket;
  /**
   * Overrides merged over the raw bucket's defaults (ignored with `existingRawBucket`).
   * @default - none
   */
  readonly rawBucketProps?: Partial<s3.BucketProps>;
  /**
   * Overrides merged over the processed bucket's defaults.
   * @default - none
   */
  readonly processedBucketProps?: Partial<s3.BucketProps>;
  /**
   * Overrides merged over the table's defaults (keys and the lookup index are fixed by the record contract).
   * @default - none
   */
  readonly tableProps?: Partial<Omit<dynamodb.TableProps, 'partitionKey' | 'sortKey'>>;
  /**
   * What happens to the buckets and the table when the stack is deleted. Dev stacks may choose DESTROY.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Overrides merged over the clean function's defaults.
   * @default - arm64, Node.js 22, 1024 MB, 60 s
   */
  readonly cleanFunctionProps?: Partial<NodejsFunctionProps>;
  /**
   * Overrides merged over the tag function's defaults.
   * @default - arm64, Node.js 22, 1024 MB, 60 s
   */
  readonly tagFunctionProps?: Partial<NodejsFunctionProps>;
  /**
   * Receives before a message moves to its stage's dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Messages per Lambda invocation.
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * Raw objects larger than this are recorded as rejected (`TOO_LARGE`) without being read.
   * @default 5 MiB
   */
  readonly maxObjectBytes?: number;
  /**
   * Retention of the functions' log groups.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
}

/** One stage: its function, its queue and the queue's dead-letter queue. */
export interface PipelineStage {
  readonly fn: NodejsFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
}

const REPO_ROOT = path.join(__dirname, '..');

/**
 * The news ingestion pipeline: raw bucket → clean queue → clean function → processed bucket → tag queue →
 * tag function → article table. Processed documents live in their own bucket, so the clean stage's writes
 * can never trigger it again.
 */
export class ArticlePipeline extends Construct {
  /** Where articles are uploaded (under {@link rawPrefix}). */
  public readonly rawBucket: s3.IBucket;
  /** Cleaned documents, one per raw object: the contract between the stages. */
  public readonly processedBucket: s3.Bucket;
  /** One record per raw object, plus lookup items; streams new and old images to downstream services. */
  public readonly table: dynamodb.Table;
  public readonly clean: PipelineStage;
  public readonly tag: PipelineStage;
  public readonly rawPrefix: string;

  public constructor(scope: Construct, id: string, props: ArticlePipelineProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.rawPrefix = props.rawPrefix ?? PIPELINE_SPEC.rawPrefix;
    const maxObjectBytes = props.maxObjectBytes ?? DEFAULT_MAX_BYTES;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;

    this.rawBucket =
      props.existingRawBucket ??
      // CDK's own Bucket/IBucket types disagree under exactOptionalPropertyTypes; the cast is sound.
      (new s3.Bucket(this, 'RawBucket', {
        ...defaultRawBucketProps(removalPolicy),
        ...props.rawBucketProps,
      }) as s3.IBucket);
    this.processedBucket = new s3.Bucket(this, 'ProcessedBucket', {
      ...defaultBucketProps(removalPolicy),
      ...props.processedBucketProps,
    });
    this.table = new dynamodb.Table(this, 'ArticleTable', {
      ...defaultTableProps(removalPolicy),
      ...props.tableProps,
    });
    this.table.addGlobalSecondaryIndex(lookupIndexProps());

    const stageOptions = { maxReceiveCount: props.maxReceiveCount, batchSize: props.batchSize, logRetention };
    this.clean = this.stage('Clean', 'clean.ts', props.cleanFunctionProps, stageOptions, {
      [PIPELINE_SPEC.env.processedBucket]: this.processedBucket.bucketName,
      [PIPELINE_SPEC.env.maxObjectBytes]: String(maxObjectBytes),
    });
    this.tag = this.stage('Tag', 'tag.ts', props.tagFunctionProps, stageOptions, {
      [PIPELINE_SPEC.env.processedBucket]: this.processedBucket.bucketName,
      [PIPELINE_SPEC.env.tableName]: this.table.tableName,
      [PIPELINE_SPEC.env.modelsDir]: '/var/task/models',
    });

    const rawFilter = { prefix: this.rawPrefix };
    const processedFilter = { prefix: PIPELINE_SPEC.processedPrefix, suffix: PIPELINE_SPEC.processedSuffix };
    for (const type of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
      this.rawBucket.addEventNotification(type, new s3n.SqsDestination(this.clean.queue), rawFilter);
      this.processedBucket.addEventNotification(
        type,
        new s3n.SqsDestination(this.tag.queue),
        processedFilter,
      );
    }

    // Least privilege: the clean function reads raw uploads and writes processed documents only.
    this.rawBucket.grantRead(this.clean.fn, `${this.rawPrefix}*`);
    this.processedBucket.grantPut(this.clean.fn, `${PIPELINE_SPEC.processedPrefix}*`);
    this.processedBucket.grantDelete(this.clean.fn, `${PIPELINE_SPEC.processedPrefix}*`);
    // The tag function reads processed documents and writes the table only.
    this.processedBucket.grantRead(this.tag.fn, `${PIPELINE_SPEC.processedPrefix}*`);
    this.table.grantReadWriteData(this.tag.fn);
  }

  /** Gives a downstream service read-only access to the table, its indexes and its stream. */
  public grantRead(grantee: iam.IGrantable): void {
    this.table.grantReadData(grantee);
    this.table.grantStreamRead(grantee);
  }

  private stage(
    name: string,
    entryFile: string,
    overrides: Partial<NodejsFunctionProps> | undefined,
    options: {
      readonly maxReceiveCount: number | undefined;
      readonly batchSize: number | undefined;
      readonly logRetention: logs.RetentionDays;
    },
    environment: Record<string, string>,
  ): PipelineStage {
    const defaults = defaultFunctionProps();
    const isTag = name === 'Tag';
    const fn = new NodejsFunction(this, `${name}Function`, {
      ...defaults,
      ...overrides,
      entry: path.join(REPO_ROOT, 'lambdas', 'handlers', entryFile),
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        ...defaults.bundling,
        ...overrides?.bundling,
        // The tag function carries the committed models beside its handler.
        ...(isTag ? { commandHooks: copyModelsHook() } : {}),
      },
      environment: { ...defaults.environment, ...overrides?.environment, ...environment },
      logGroup: new logs.LogGroup(this, `${name}Logs`, {
        retention: options.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    const timeout = fn.timeout ?? Duration.seconds(60);
    const deadLetterQueue = new sqs.Queue(this, `${name}DeadLetterQueue`, defaultDlqProps());
    const queue = new sqs.Queue(this, `${name}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * PIPELINE_SPEC.queue.visibilityTimeoutFactor),
      deadLetterQueue: {
        queue: deadLetterQueue,
        maxReceiveCount: options.maxReceiveCount ?? PIPELINE_SPEC.queue.maxReceiveCount,
      },
    });
    fn.addEventSource(
      new SqsEventSource(queue, {
        batchSize: options.batchSize ?? PIPELINE_SPEC.queue.batchSize,
        reportBatchItemFailures: true,
      }),
    );
    return { fn, queue, deadLetterQueue };
  }
}

function copyModelsHook(): NonNullable<NonNullable<NodejsFunctionProps['bundling']>['commandHooks']> {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `cp -R "${inputDir}/models" "${outputDir}/models"`,
    ],
  };
}
