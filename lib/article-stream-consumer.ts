import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, type DynamoEventSourceProps, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { RECORD_CHANGES_FILTER } from '../lambdas/reader/stream';
import { defaultDlqProps, defaultFunctionProps } from './article-pipeline-defaults';
import { InvalidPipelinePropsError } from './errors';
import { acknowledgeFinding } from './nag-acknowledgements';

const REPO_ROOT = path.join(__dirname, '..');

/** The example consumer deployed when neither `fn` nor `entry` is given. */
export const EXAMPLE_STREAM_CONSUMER_ENTRY = path.join(
  REPO_ROOT,
  'lambdas',
  'reader',
  'example-stream-consumer.ts',
);

/** What `ArticlePipeline`'s `streamConsumer` prop says: which function receives article changes, and how. */
export interface ArticleStreamConsumerProps {
  /**
   * Your function. It gets read access to the table's stream (and nothing else from the pipeline).
   * @default - a function bundled from `entry`
   */
  readonly fn?: lambda.IFunction;
  /**
   * A handler file to bundle (exporting `handler`), with the pipeline's function defaults. Not with `fn`.
   * @default - the example consumer, lambdas/reader/example-stream-consumer.ts (logs each change)
   */
  readonly entry?: string;
  /**
   * Overrides merged over the bundled function's defaults (not with `fn`).
   * @default - arm64, Node.js 22, 256 MB, 30 s, X-Ray tracing
   */
  readonly functionProps?: Partial<NodejsFunctionProps>;
  /**
   * Deliver record items only (`sk = RECORD`), the article changes; false delivers lookup items too.
   * @default true
   */
  readonly recordsOnly?: boolean;
  /**
   * Overrides merged over the event source's defaults.
   * @default - from the start of the stream (24 h kept), batches of 100, partial batch responses, bisection on
   * error, 3 retries, then the batch's coordinates go to `deadLetterQueue`
   */
  readonly eventSourceProps?: Partial<DynamoEventSourceProps>;
  /**
   * Retention of the bundled function's log group.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * A Lambda function subscribed to the article table's stream through a filtered event source. Failed batches
 * are retried, bisected, then recorded in an SQS queue (the stream keeps records for 24 hours only).
 */
export class ArticleStreamConsumer extends Construct {
  /** The function that receives the changes. */
  public readonly fn: lambda.IFunction;
  /** Where the coordinates (shard, sequence numbers) of batches that kept failing are sent. */
  public readonly deadLetterQueue: sqs.Queue;
  /** The event source mapping. */
  public readonly eventSource: DynamoEventSource;

  public constructor(scope: Construct, id: string, table: dynamodb.Table, props: ArticleStreamConsumerProps) {
    super(scope, id);
    if (props.fn && (props.entry !== undefined || props.functionProps !== undefined)) {
      throw new InvalidPipelinePropsError('streamConsumer: give fn, or entry/functionProps, not both');
    }
    this.fn = props.fn ?? this.bundledFunction(props);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', defaultDlqProps());
    // CDK's own Table/ITable types disagree under exactOptionalPropertyTypes; the cast is sound.
    this.eventSource = new DynamoEventSource(table as unknown as dynamodb.ITable, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 3,
      onFailure: new SqsDlq(this.deadLetterQueue),
      ...(props.recordsOnly === false
        ? {}
        : { filters: [{ pattern: JSON.stringify(RECORD_CHANGES_FILTER) }] }),
      ...props.eventSourceProps,
    });
    this.fn.addEventSource(this.eventSource);
    this.acknowledgeScanFindings(props.fn === undefined);
  }

  private bundledFunction(props: ArticleStreamConsumerProps): NodejsFunction {
    const defaults = defaultFunctionProps();
    const overrides = props.functionProps;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the AWS-managed AWSLambdaBasicExecutionRole, which may write to any log group.
    const role =
      overrides?.role ??
      new iam.Role(this, 'FunctionRole', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: 'newsflow article stream consumer',
      });
    logGroup.grantWrite(role);
    return new NodejsFunction(this, 'Function', {
      ...defaults,
      memorySize: 256,
      timeout: Duration.seconds(30),
      ...overrides,
      role,
      entry: props.entry ?? EXAMPLE_STREAM_CONSUMER_ENTRY,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      bundling: { ...defaults.bundling, ...overrides?.bundling },
      environment: { ...defaults.environment, ...overrides?.environment },
      logGroup,
    });
  }

  /** The security scan's findings on the resources this construct creates, each with its reason. */
  private acknowledgeScanFindings(ownFunction: boolean): void {
    acknowledgeFinding(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter destination: the stream event source sends it the coordinates of ' +
        'batches that failed every retry. A queue behind it would only ever hold copies of those.',
    );
    if (!ownFunction) return;
    acknowledgeFinding(
      this.fn,
      'AwsSolutions-L1',
      'Node.js 22 is pinned on purpose, as for the pipeline stages: the bundle targets node22 and the tests run ' +
        'that code; a runtime upgrade is its own change, not a side effect of a CDK upgrade.',
    );
    const role = this.fn.role as IConstruct;
    acknowledgeFinding(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams and the X-Ray actions of active tracing support no resource-level permissions, so ' +
        'AWS requires Resource "*" for them; the stream reads themselves are granted on this table\'s stream ARN only.',
    );
  }
}
