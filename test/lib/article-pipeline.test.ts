import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ArticlePipeline } from '../../lib/article-pipeline';
import { NewsflowStack } from '../../lib/newsflow-stack';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Synthesizes without bundling (asset contents do not matter to these assertions). */
function synth(): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new NewsflowStack(app, 'Test'));
}

/** Logical id of the function whose logical id contains `name`. */
function functionRoleStatements(template: Template, name: string): Statement[] {
  const functions = template.findResources('AWS::Lambda::Function');
  const [, fn] = Object.entries(functions).find(([id]) => id.includes(name)) ?? [];
  if (fn === undefined) throw new Error(`No function named like ${name}`);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const actions = (statements: Statement[]): string[] => statements.flatMap((s) => [s.Action].flat());
const mentions = (value: unknown, fragment: string): boolean => JSON.stringify(value).includes(fragment);

describe('ArticlePipeline template', () => {
  const template = synth();

  it('has the two stage queues with dead-letter queues, SSE and 14-day DLQ retention', () => {
    // Assess
    template.resourceCountIs('AWS::SQS::Queue', 4);
    template.resourcePropertiesCountIs(
      'AWS::SQS::Queue',
      { RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() } },
      2,
    );
    template.resourcePropertiesCountIs(
      'AWS::SQS::Queue',
      { MessageRetentionPeriod: 1_209_600, SqsManagedSseEnabled: true },
      2,
    );
  });

  it('sets each queue visibility timeout to at least 6× its function timeout', () => {
    // Prepare
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Handler: 'index.handler', Architectures: ['arm64'] },
    });
    const timeouts = Object.values(functions).map((f) => f.Properties.Timeout as number);
    const queues = template.findResources('AWS::SQS::Queue', {
      Properties: { RedrivePolicy: Match.anyValue() },
    });

    // Assess
    expect(timeouts).toHaveLength(2);
    for (const q of Object.values(queues)) {
      expect(q.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * Math.max(...timeouts));
    }
  });

  it('runs two arm64 Node.js 22 functions from SQS with partial batch responses', () => {
    // Assess
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } },
      2,
    );
    template.resourcePropertiesCountIs(
      'AWS::Lambda::EventSourceMapping',
      { FunctionResponseTypes: ['ReportBatchItemFailures'], BatchSize: 10 },
      2,
    );
  });

  it('notifies the clean queue of raw/ uploads and removals, the tag queue of processed documents only', () => {
    // Prepare
    const notifications = Object.values(template.findResources('Custom::S3BucketNotifications'));
    const configs = notifications.flatMap(
      (n) => n.Properties.NotificationConfiguration.QueueConfigurations as Record<string, unknown>[],
    );
    const filterOf = (c: Record<string, unknown>) =>
      JSON.stringify((c.Filter as { Key: { FilterRules: unknown[] } }).Key.FilterRules);

    // Assess
    expect(configs).toHaveLength(4);
    expect(configs.flatMap((c) => c.Events).sort()).toEqual(
      ['s3:ObjectCreated:*', 's3:ObjectCreated:*', 's3:ObjectRemoved:*', 's3:ObjectRemoved:*'].sort(),
    );
    const rawConfigs = configs.filter((c) => filterOf(c).includes('"raw/"'));
    const processedConfigs = configs.filter((c) => filterOf(c).includes('"articles/"'));
    expect(rawConfigs).toHaveLength(2);
    expect(processedConfigs).toHaveLength(2);
    expect(processedConfigs.every((c) => filterOf(c).includes('".json"'))).toBe(true);
    // No recursion: the queues fed by the two buckets are different queues.
    const rawTargets = new Set(rawConfigs.map((c) => JSON.stringify(c.QueueArn)));
    const processedTargets = new Set(processedConfigs.map((c) => JSON.stringify(c.QueueArn)));
    expect(rawTargets.size).toBe(1);
    expect([...rawTargets].some((t) => processedTargets.has(t))).toBe(false);
  });

  it('keeps the article table on-demand, recoverable, streamed, protected and retained, keyed by the record contract', () => {
    // Assess
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'lookup',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: Match.objectLike({ ProjectionType: 'INCLUDE' }),
          }),
        ],
      },
    });
  });

  it('lets the clean function read raw uploads and write processed documents, and nothing else', () => {
    // Prepare
    const statements = functionRoleStatements(template, 'CleanFunction');

    // Assess
    const all = actions(statements);
    expect(all.some((a) => a.startsWith('dynamodb:'))).toBe(false);
    const writes = statements.filter((s) => actions([s]).some((a) => /^s3:(Put|Delete)/.test(a)));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) {
      expect(mentions(s.Resource, 'ProcessedBucket')).toBe(true);
      expect(mentions(s.Resource, 'RawBucket')).toBe(false);
      expect(mentions(s.Resource, '/articles/*')).toBe(true);
    }
    const rawReads = statements.filter((s) => mentions(s.Resource, 'RawBucket'));
    expect(actions(rawReads).every((a) => /^s3:(Get|List)/.test(a))).toBe(true);
    expect(mentions(rawReads, '/raw/*')).toBe(true);
  });

  it('lets the tag function read processed documents and write the table, and not write S3', () => {
    // Prepare
    const statements = functionRoleStatements(template, 'TagFunction');

    // Assess
    const s3Actions = actions(statements).filter((a) => a.startsWith('s3:'));
    expect(s3Actions.length).toBeGreaterThan(0);
    expect(s3Actions.every((a) => /^s3:(Get|List)/.test(a))).toBe(true);
    expect(mentions(statements, 'RawBucket')).toBe(false);
    const tableStatements = statements.filter((s) => actions([s]).some((a) => a.startsWith('dynamodb:')));
    expect(actions(tableStatements)).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:BatchWriteItem']),
    );
    for (const s of tableStatements) expect(mentions(s.Resource, 'ArticleTable')).toBe(true);
  });

  it('passes the handlers their configuration through the environment', () => {
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PROCESSED_BUCKET: Match.anyValue(),
          TABLE_NAME: Match.anyValue(),
          NEWSFLOW_MODELS_DIR: '/var/task/models',
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAX_OBJECT_BYTES: String(5 * 1024 * 1024) }) },
    });
  });
});

describe('ArticlePipeline props', () => {
  it('honours a custom raw prefix and lets a dev stack destroy its data', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Dev');

    // Act
    new ArticlePipeline(stack, 'P', { rawPrefix: 'incoming/', removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);

    // Assess
    expect(JSON.stringify(template.findResources('Custom::S3BucketNotifications'))).toContain('"incoming/"');
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: { DeletionProtectionEnabled: false },
    });
  });

  it('grants a downstream reader read-only access to the table, its index and its stream', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Reader');
    const pipeline = new ArticlePipeline(stack, 'P');
    const reader = new iam.Role(stack, 'Reader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });

    // Act
    pipeline.grantRead(reader);
    const template = Template.fromStack(stack);

    // Assess
    const readerRoleId = stack.getLogicalId(reader.node.defaultChild as iam.CfnRole);
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === readerRoleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const granted = actions(statements);
    expect(granted).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetRecords', 'dynamodb:GetItem']),
    );
    expect(granted.some((a) => /dynamodb:(Put|Delete|Update|BatchWrite)/.test(a))).toBe(false);
  });
});
