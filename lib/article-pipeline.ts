import * as path from 'node:path';
import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { DEFAULT_MAX_BYTES } from '../lambdas/core/clean/types';
import { METRICS_NAMESPACE, type Stage } from '../lambdas/core/pipeline-metrics';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';
import {
  defaultAccessLogBucketProps,
  defaultBucketProps,
  defaultDlqProps,
  defaultFunctionProps,
  defaultRawBucketProps,
  defaultStageQueueProps,
  defaultTableProps,
  lookupIndexProps,
} from './article-pipeline-defaults';
import { ArticleStreamConsumer, type ArticleStreamConsumerProps } from './article-stream-consumer';
import { InvalidPipelinePropsError } from './errors';
import { acknowledgeFinding, nagResourceName } from './nag-acknowledgements';
import { createAlarmTopic, PipelineMonitoring } from './pipeline-monitoring';

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
   * Where the buckets this construct creates write their S3 server access logs (a central log bucket).
   * @default - a new dedicated, private, encrypted log bucket
   */
  readonly existingAccessLogsBucket?: s3.IBucket;
  /**
   * How long server access logs are kept in the log bucket this construct creates.
   * @default Duration.days(90)
   */
  readonly accessLogRetention?: Duration;
  /**
   * How long overwritten or deleted uploads stay recoverable in the versioned raw bucket.
   * @default Duration.days(30)
   */
  readonly noncurrentVersionRetention?: Duration;
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
  /**
   * Create an encrypted SNS topic that every alarm notifies (on alarm and on recovery); subscribe to it after
   * deploying. Not with `existingAlarmTopic`.
   * @default false
   */
  readonly alarmTopic?: boolean;
  /**
   * An existing topic every alarm notifies. If it is encrypted, its key must let `cloudwatch.amazonaws.com`
   * use it (the AWS-managed `aws/sns` key does not, and notifications are then silently lost).
   * @default - none (alarms only change state)
   */
  readonly existingAlarmTopic?: sns.ITopic;
  /**
   * The oldest message of a stage queue older than this, for 5 minutes, raises an alarm.
   * @default Duration.minutes(30)
   */
  readonly oldestMessageAgeAlarmThreshold?: Duration;
  /**
   * CloudWatch namespace of the handlers' metrics; distinct per deployment so stacks sharing an account do not
   * mix their numbers.
   * @default `Newsflow/<stack name>`
   */
  readonly metricsNamespace?: string;
  /**
   * @default - generated by CloudFormation
   */
  readonly dashboardName?: string;
  /**
   * A function that receives article changes from the table's stream (record items only, filtered by the event
   * source); `{}` deploys the example consumer. See docs/records.md, "The stream".
   * @default - none
   */
  readonly streamConsumer?: ArticleStreamConsumerProps;
}

/** One stage: its function, its queue and the queue's dead-letter queue. */
export interface PipelineStage {
  /** The stage's function, with its own least-privilege role. */
  readonly fn: NodejsFunction;
  /** S3 notifications in (SSE-SQS, TLS only). */
  readonly queue: sqs.Queue;
  /** Messages that failed every delivery, kept 14 days for inspection and redrive. */
  readonly deadLetterQueue: sqs.Queue;
  /** The function's structured logs, with a retention. */
  readonly logGroup: logs.LogGroup;
}

/**
 * What the tag function does to the table (lambdas/adapters/item-table.ts): read the record, list an
 * article's partition, check lookup items in batches (a redelivery), write the record conditionally, write and
 * delete lookup items in batches. No scans, no table or index management.
 */
export const TAG_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:BatchWriteItem',
] as const;

const REPO_ROOT = path.join(__dirname, '..');
const S3_ACCESS_LOGS_USE_BUCKET_POLICY = '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy';

/**
 * The news ingestion pipeline: raw bucket → clean queue → clean function → processed bucket → tag queue →
 * tag function → article table. Processed documents live in their own bucket, so the clean stage's writes
 * can never trigger it again. Secure by default (private encrypted TLS-only buckets and queues, least-privilege
 * roles, retained data) and observable (structured logs, metrics, alarms, a dashboard).
 */
export class ArticlePipeline extends Construct {
  /** Where articles are uploaded (under {@link rawPrefix}). */
  public readonly rawBucket: s3.IBucket;
  /** Cleaned documents, one per raw object: the contract between the stages. */
  public readonly processedBucket: s3.Bucket;
  /** Receives the server access logs of the buckets this construct creates. */
  public readonly accessLogsBucket: s3.IBucket;
  /** One record per raw object, plus lookup items; streams new and old images to downstream services. */
  public readonly table: dynamodb.Table;
  /** Raw object → processed document. */
  public readonly clean: PipelineStage;
  /** Processed document → article record and lookup items. */
  public readonly tag: PipelineStage;
  /** Key prefix of uploads in the raw bucket. */
  public readonly rawPrefix: string;
  /** Namespace of the handlers' metrics. */
  public readonly metricsNamespace: string;
  /** The topic alarms notify, when there is one. */
  public readonly alarmTopic: sns.ITopic | undefined;
  /** Alarms and dashboard. */
  public readonly monitoring: PipelineMonitoring;
  /** The function receiving article changes from the stream, when `streamConsumer` is set. */
  public readonly streamConsumer: ArticleStreamConsumer | undefined;

  public constructor(scope: Construct, id: string, props: ArticlePipelineProps = {}) {
    super(scope, id);
    // Log delivery is granted by bucket policy, whatever the app's flags: the ACL it would otherwise need is
    // incompatible with the buckets' disabled ACLs (BUCKET_OWNER_ENFORCED).
    this.node.setContext(S3_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    if (props.alarmTopic && props.existingAlarmTopic) {
      throw new InvalidPipelinePropsError('Set alarmTopic or existingAlarmTopic, not both');
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.rawPrefix = props.rawPrefix ?? PIPELINE_SPEC.rawPrefix;
    const maxObjectBytes = props.maxObjectBytes ?? DEFAULT_MAX_BYTES;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    this.metricsNamespace = props.metricsNamespace ?? defaultMetricsNamespace(this);

    this.accessLogsBucket =
      props.existingAccessLogsBucket ?? this.createAccessLogsBucket(removalPolicy, props);
    const logsBucket = this.accessLogsBucket;
    this.rawBucket =
      props.existingRawBucket ??
      // CDK's own Bucket/IBucket types disagree under exactOptionalPropertyTypes; the casts are sound.
      (new s3.Bucket(this, 'RawBucket', {
        ...defaultRawBucketProps(removalPolicy, props.noncurrentVersionRetention),
        serverAccessLogsBucket: logsBucket,
        serverAccessLogsPrefix: 'raw-bucket/',
        ...props.rawBucketProps,
      }) as s3.IBucket);
    this.processedBucket = new s3.Bucket(this, 'ProcessedBucket', {
      ...defaultBucketProps(removalPolicy),
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 'processed-bucket/',
      ...props.processedBucketProps,
    });
    this.table = new dynamodb.Table(this, 'ArticleTable', {
      ...defaultTableProps(removalPolicy),
      ...props.tableProps,
    });
    this.table.addGlobalSecondaryIndex(lookupIndexProps());

    const stageOptions = { maxReceiveCount: props.maxReceiveCount, batchSize: props.batchSize, logRetention };
    const metricsEnv = { POWERTOOLS_METRICS_NAMESPACE: this.metricsNamespace };
    this.clean = this.stage('clean', 'clean.ts', props.cleanFunctionProps, stageOptions, {
      ...metricsEnv,
      [PIPELINE_SPEC.env.processedBucket]: this.processedBucket.bucketName,
      [PIPELINE_SPEC.env.maxObjectBytes]: String(maxObjectBytes),
    });
    this.tag = this.stage('tag', 'tag.ts', props.tagFunctionProps, stageOptions, {
      ...metricsEnv,
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
    this.node.addValidation({ validate: () => notificationQueueErrors([this.clean.queue, this.tag.queue]) });

    this.grantStageAccess();
    this.streamConsumer = props.streamConsumer
      ? new ArticleStreamConsumer(this, 'StreamConsumer', this.table, {
          logRetention,
          ...props.streamConsumer,
        })
      : undefined;

    this.alarmTopic =
      props.existingAlarmTopic ??
      (props.alarmTopic ? createAlarmTopic(this, 'AlarmTopic', removalPolicy) : undefined);
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      stages: [
        { stage: 'clean', ...this.clean },
        { stage: 'tag', ...this.tag },
      ],
      metricsNamespace: this.metricsNamespace,
      ...(this.alarmTopic ? { alarmTopic: this.alarmTopic } : {}),
      ...(props.oldestMessageAgeAlarmThreshold
        ? { oldestMessageAgeThreshold: props.oldestMessageAgeAlarmThreshold }
        : {}),
      ...(props.dashboardName ? { dashboardName: props.dashboardName } : {}),
    });
    this.acknowledgeScanFindings();
  }

  /**
   * Gives a downstream service read-only access to the table, its indexes and its stream, and to the processed
   * documents (`s3:GetObject` on `articles/*`), which hold the text of records that name them in `textRef`.
   */
  public grantRead(grantee: iam.IGrantable): void {
    this.table.grantReadData(grantee);
    this.table.grantStreamRead(grantee);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.processedBucket.arnForObjects(`${PIPELINE_SPEC.processedPrefix}*`)],
      }),
    );
  }

  /**
   * Least privilege, spelled out action by action rather than with the grant helpers (which add wildcard
   * actions such as `s3:GetObject*` and `s3:List*`):
   * - clean reads objects under the raw prefix (current and specific versions) and reads, writes and deletes
   *   processed documents; it has no table access and cannot write the raw bucket;
   * - tag reads processed documents and writes the table; it cannot write S3.
   * `s3:ListBucket` on a bucket is what makes S3 answer 404 rather than 403 for a missing key; the stages rely
   * on that to tell a deleted object from a denied one.
   */
  private grantStageAccess(): void {
    const cleanFn = this.clean.fn;
    const tagFn = this.tag.fn;
    const processedObjects = this.processedBucket.arnForObjects(`${PIPELINE_SPEC.processedPrefix}*`);
    cleanFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadRawUploads',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.rawBucket.arnForObjects(`${this.rawPrefix}*`)],
      }),
    );
    cleanFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingRawUploads',
        actions: ['s3:ListBucket'],
        resources: [this.rawBucket.bucketArn],
      }),
    );
    cleanFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteProcessedDocuments',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [processedObjects],
      }),
    );
    // Processed documents are compare-and-swap registers: the clean stage reads a document's ETag and
    // sequencer before overwriting it (conditional writes and deletes with If-Match need s3:GetObject), and
    // needs the 404 of a missing one.
    cleanFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadProcessedDocumentVersions',
        actions: ['s3:GetObject'],
        resources: [processedObjects],
      }),
    );
    cleanFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingProcessedDocuments',
        actions: ['s3:ListBucket'],
        resources: [this.processedBucket.bucketArn],
      }),
    );
    this.rawBucket.encryptionKey?.grantDecrypt(cleanFn);

    tagFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadProcessedDocuments',
        actions: ['s3:GetObject'],
        resources: [processedObjects],
      }),
    );
    tagFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingProcessedDocuments',
        actions: ['s3:ListBucket'],
        resources: [this.processedBucket.bucketArn],
      }),
    );
    tagFn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteArticleTable',
        actions: [...TAG_TABLE_ACTIONS],
        resources: [this.table.tableArn],
      }),
    );
    this.table.encryptionKey?.grantEncryptDecrypt(tagFn);
  }

  private createAccessLogsBucket(removalPolicy: RemovalPolicy, props: ArticlePipelineProps): s3.IBucket {
    const bucket = new s3.Bucket(
      this,
      'AccessLogsBucket',
      defaultAccessLogBucketProps(removalPolicy, props.accessLogRetention),
    );
    // Not acknowledged for the scan's S1 (no access logs of its own): the scan exempts a bucket that
    // receives other buckets' logs, and logging the log bucket into itself would never end.
    return bucket as s3.IBucket;
  }

  private stage(
    stage: Stage,
    entryFile: string,
    overrides: Partial<NodejsFunctionProps> | undefined,
    options: {
      readonly maxReceiveCount: number | undefined;
      readonly batchSize: number | undefined;
      readonly logRetention: logs.RetentionDays;
    },
    environment: Record<string, string>,
  ): PipelineStage {
    const name = stage === 'clean' ? 'Clean' : 'Tag';
    const defaults = defaultFunctionProps();
    const logGroup = new logs.LogGroup(this, `${name}Logs`, {
      retention: options.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the AWS-managed AWSLambdaBasicExecutionRole, which may write to any log group.
    const role =
      overrides?.role ??
      new iam.Role(this, `${name}FunctionRole`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `newsflow ${stage} function`,
      });
    logGroup.grantWrite(role);
    const fn = new NodejsFunction(this, `${name}Function`, {
      ...defaults,
      ...overrides,
      role,
      entry: path.join(REPO_ROOT, 'lambdas', 'handlers', entryFile),
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      bundling: {
        ...defaults.bundling,
        ...overrides?.bundling,
        // The tag function carries the committed models beside its handler.
        ...(stage === 'tag' ? { commandHooks: copyModelsHook() } : {}),
      },
      environment: { ...defaults.environment, ...overrides?.environment, ...environment },
      logGroup,
    });
    const timeout = fn.timeout ?? Duration.seconds(60);
    const deadLetterQueue = new sqs.Queue(this, `${name}DeadLetterQueue`, defaultDlqProps());
    const queue = new sqs.Queue(
      this,
      `${name}Queue`,
      defaultStageQueueProps(
        Duration.seconds(timeout.toSeconds() * PIPELINE_SPEC.queue.visibilityTimeoutFactor),
        deadLetterQueue,
        options.maxReceiveCount ?? PIPELINE_SPEC.queue.maxReceiveCount,
      ),
    );
    fn.addEventSource(
      new SqsEventSource(queue, {
        batchSize: options.batchSize ?? PIPELINE_SPEC.queue.batchSize,
        reportBatchItemFailures: true,
      }),
    );
    return { fn, queue, deadLetterQueue, logGroup };
  }

  /**
   * The security scan's (cdk-nag AwsSolutions) findings this design accepts, each with its reason. Anything
   * else the scan reports fails `test/lib/security-scan.test.ts`.
   */
  private acknowledgeScanFindings(): void {
    for (const s of [this.clean, this.tag]) {
      const role = s.fn.role;
      if (role === undefined) continue;
      acknowledgeFinding(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
          'permissions, so AWS requires Resource "*" for them. No other action has Resource "*".',
      );
      acknowledgeFinding(
        s.fn,
        'AwsSolutions-L1',
        'Node.js 22 is pinned on purpose: the bundles target node22 and the tests run that code; a runtime ' +
          'upgrade is its own change (bundling target, tests), not a side effect of a CDK upgrade.',
      );
    }
    acknowledgeFinding(
      this.clean.fn.role as IConstruct,
      `AwsSolutions-IAM5[Resource::${nagResourceName(this, this.rawBucket.arnForObjects(`${this.rawPrefix}*`))}]`,
      'Uploaders choose the object keys, so reading uploads can only be scoped to the objects under the ' +
        'raw prefix: exactly this ARN pattern, with read actions only (s3:GetObject, s3:GetObjectVersion).',
    );
    const processedObjects = this.processedBucket.arnForObjects(`${PIPELINE_SPEC.processedPrefix}*`);
    for (const fn of [this.clean.fn, this.tag.fn]) {
      acknowledgeFinding(
        fn.role as IConstruct,
        `AwsSolutions-IAM5[Resource::${nagResourceName(this, processedObjects)}]`,
        'Processed documents are named by article id (articles/<id>.json), one per raw object, so access is ' +
          'scoped to the articles/ prefix of the processed bucket; clean may get, put and delete there, tag only get.',
      );
    }
    // S3 notifications are configured by CDK's singleton custom resource (one per stack), not by this construct.
    const handler = Stack.of(this).node.tryFindChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    );
    const handlerRole = handler?.node.tryFindChild('Role');
    if (handlerRole) {
      acknowledgeFinding(
        handlerRole,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "CDK's bucket-notifications custom resource (runs only during deployments) ships with the " +
          'AWS-managed basic execution role; CDK offers no way to replace it.',
      );
    }
  }
}

/** Errors for notification target queues S3 could not deliver to (used as a construct validation). */
export function notificationQueueErrors(queues: readonly sqs.Queue[]): string[] {
  const errors: string[] = [];
  for (const queue of queues) {
    const cfn = queue.node.defaultChild as sqs.CfnQueue;
    const key = Stack.of(queue).resolve(cfn.kmsMasterKeyId) as unknown;
    if (typeof key === 'string' && key.replace(/^arn:.*:alias\//, 'alias/') === 'alias/aws/sqs') {
      errors.push(
        `${queue.node.path}: S3 notifications cannot be delivered to a queue encrypted with the AWS-managed ` +
          'aws/sqs key (S3 drops them silently). Use SSE-SQS or a customer-managed key that grants s3.amazonaws.com.',
      );
    }
  }
  return errors;
}

function defaultMetricsNamespace(scope: Construct): string {
  const stackName = Stack.of(scope).stackName;
  return Token.isUnresolved(stackName) ? METRICS_NAMESPACE : `${METRICS_NAMESPACE}/${stackName}`;
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
