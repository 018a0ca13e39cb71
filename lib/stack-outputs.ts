/**
 * Names of the stack outputs the CLI reads to find a deployed pipeline. A module of its own, so the CLI can read
 * them without loading the CDK.
 */
export const STACK_OUTPUTS = {
  rawBucket: 'RawBucketName',
  rawPrefix: 'RawPrefix',
  processedBucket: 'ProcessedBucketName',
  table: 'TableName',
  cleanQueue: 'CleanQueueUrl',
  cleanDlq: 'CleanDeadLetterQueueUrl',
  tagQueue: 'TagQueueUrl',
  tagDlq: 'TagDeadLetterQueueUrl',
  accessLogsBucket: 'AccessLogsBucketName',
  dashboard: 'DashboardName',
  metricsNamespace: 'MetricsNamespace',
  alarmTopic: 'AlarmTopicArn',
} as const;
