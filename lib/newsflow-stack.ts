import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArticlePipeline } from './article-pipeline';
import { STACK_OUTPUTS } from './stack-outputs';

/** Properties of {@link NewsflowStack}. */
export interface NewsflowStackProps extends StackProps {
  /**
   * Key prefix of uploads in the raw bucket.
   * @default 'raw/'
   */
  readonly rawPrefix?: string;
  /**
   * Delete buckets and table with the stack (dev stacks only).
   * @default false
   */
  readonly destroyOnDelete?: boolean;
  /**
   * Create an encrypted SNS topic the alarms notify (subscribe on-call to it; its ARN is an output).
   * @default true
   */
  readonly alarmTopic?: boolean;
}

export { STACK_OUTPUTS } from './stack-outputs';

/** The deployable newsflow stack: one {@link ArticlePipeline} and its outputs. */
export class NewsflowStack extends Stack {
  public readonly pipeline: ArticlePipeline;

  public constructor(scope: Construct, id: string, props: NewsflowStackProps = {}) {
    super(scope, id, props);
    this.pipeline = new ArticlePipeline(this, 'Pipeline', {
      ...(props.rawPrefix === undefined ? {} : { rawPrefix: props.rawPrefix }),
      removalPolicy: props.destroyOnDelete ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      alarmTopic: props.alarmTopic ?? true,
    });
    const p = this.pipeline;
    const outputs: Partial<Record<keyof typeof STACK_OUTPUTS, string>> = {
      rawBucket: p.rawBucket.bucketName,
      rawPrefix: p.rawPrefix,
      processedBucket: p.processedBucket.bucketName,
      table: p.table.tableName,
      cleanQueue: p.clean.queue.queueUrl,
      cleanDlq: p.clean.deadLetterQueue.queueUrl,
      tagQueue: p.tag.queue.queueUrl,
      tagDlq: p.tag.deadLetterQueue.queueUrl,
      accessLogsBucket: p.accessLogsBucket.bucketName,
      dashboard: p.monitoring.dashboard.dashboardName,
      metricsNamespace: p.metricsNamespace,
      ...(p.alarmTopic ? { alarmTopic: p.alarmTopic.topicArn } : {}),
    };
    for (const [key, value] of Object.entries(outputs)) {
      new CfnOutput(this, STACK_OUTPUTS[key as keyof typeof STACK_OUTPUTS], { value });
    }
  }
}
