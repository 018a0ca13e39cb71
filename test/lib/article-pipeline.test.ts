import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { ArticlePipeline } from '../../lib/article-pipeline';
import { InvalidPipelinePropsError } from '../../lib/errors';
import { NewsflowStack } from '../../lib/newsflow-stack';
import {
  actionsOf,
  functionRoleStatements,
  mentions,
  roleStatements,
  type Statement,
  testApp,
} from './cdk-test-app';

type Resource = {
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

/** The one resource of `type` whose logical id contains `name`. */
function resourceNamed(template: Template, type: string, name: string): [string, Resource] {
  const found = Object.entries(template.findResources(type)).filter(([id]) => id.includes(name));
  if (found.length !== 1) throw new Error(`Expected one ${type} named like ${name}, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** The statements of the bucket or queue policy attached to the resource with logical id `id`. */
function resourcePolicyStatements(template: Template, policyType: string, id: string): Statement[] {
  return Object.values(template.findResources(policyType))
    .filter((p) => mentions(p.Properties.Bucket ?? p.Properties.Queues ?? p.Properties.Topics, `"${id}"`))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const isTlsOnlyDeny = (s: Statement): boolean =>
  s.Effect === 'Deny' &&
  JSON.stringify(s.Principal).includes('*') &&
  s.Condition?.Bool?.['aws:SecureTransport'] === 'false';

const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
const SQS_CONSUMER_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
];
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

describe('ArticlePipeline template (the deployed stack)', () => {
  const template = Template.fromStack(new NewsflowStack(testApp(), 'Test'));

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

  it('runs two arm64 Node.js 22 functions from SQS with partial batch responses and active tracing', () => {
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

  describe('buckets', () => {
    it('has exactly the raw, processed and access log buckets', () => {
      // Assess
      const ids = Object.keys(template.findResources('AWS::S3::Bucket'));
      expect(ids.map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
        'PipelineAccessLogsBucket',
        'PipelineProcessedBucket',
        'PipelineRawBucket',
      ]);
      // Retained buckets keep their objects when the stack goes: nothing empties them.
      template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    });

    it.each(['RawBucket', 'ProcessedBucket', 'AccessLogsBucket'])(
      'keeps the %s private, encrypted with S3-managed keys, ACL-free and retained',
      (name) => {
        // Prepare
        const [, bucket] = resourceNamed(template, 'AWS::S3::Bucket', name);

        // Assess
        expect(bucket.DeletionPolicy).toBe('Retain');
        expect(bucket.UpdateReplacePolicy).toBe('Retain');
        expect(bucket.Properties).toMatchObject({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        });
        expect(bucket.Properties.AccessControl).toBeUndefined();
      },
    );

    it.each(['RawBucket', 'ProcessedBucket', 'AccessLogsBucket'])(
      'denies every request to the %s and its objects that is not TLS 1.2+',
      (name) => {
        // Prepare
        const [id] = resourceNamed(template, 'AWS::S3::Bucket', name);
        const statements = resourcePolicyStatements(template, 'AWS::S3::BucketPolicy', id);

        // Assess
        const tlsOnly = statements.find(isTlsOnlyDeny);
        expect(tlsOnly?.Action).toBe('s3:*');
        expect(mentions(tlsOnly?.Resource, `"${id}"`)).toBe(true);
        expect(mentions(tlsOnly?.Resource, '/*')).toBe(true);
        expect(
          statements.some(
            (s) => s.Effect === 'Deny' && s.Condition?.NumericLessThan?.['s3:TlsVersion'] === 1.2,
          ),
        ).toBe(true);
      },
    );

    it('versions the raw bucket and expires noncurrent versions and their leftover delete markers', () => {
      // Prepare
      const [, raw] = resourceNamed(template, 'AWS::S3::Bucket', 'RawBucket');
      const rules = (raw.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;

      // Assess
      expect(raw.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
          expect.objectContaining({ ExpiredObjectDeleteMarker: true, Status: 'Enabled' }),
        ]),
      );
    });

    it('sends both data buckets’ server access logs to the log bucket, which expires them after 90 days', () => {
      // Prepare
      const [logsId, logs] = resourceNamed(template, 'AWS::S3::Bucket', 'AccessLogsBucket');

      // Assess
      for (const name of ['RawBucket', 'ProcessedBucket']) {
        const [, bucket] = resourceNamed(template, 'AWS::S3::Bucket', name);
        expect(bucket.Properties.LoggingConfiguration).toEqual({
          DestinationBucketName: { Ref: logsId },
          LogFilePrefix: expect.stringMatching(/\/$/),
        });
      }
      expect(logs.Properties.LifecycleConfiguration).toEqual({
        Rules: [expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' })],
      });
      expect(logs.Properties.LoggingConfiguration).toBeUndefined();
    });

    it('lets only S3 log delivery write to the log bucket, only for these buckets in this account', () => {
      // Prepare
      const [logsId] = resourceNamed(template, 'AWS::S3::Bucket', 'AccessLogsBucket');
      const allows = resourcePolicyStatements(template, 'AWS::S3::BucketPolicy', logsId).filter(
        (s) => s.Effect === 'Allow',
      );

      // Assess
      expect(allows).toHaveLength(2);
      for (const s of allows) {
        expect(s.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
        expect(s.Action).toBe('s3:PutObject');
        expect(s.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
        expect(s.Condition?.ArnLike?.['aws:SourceArn']).toBeDefined();
      }
    });
  });

  describe('queues', () => {
    it.each(['CleanQueue', 'CleanDeadLetterQueue', 'TagQueue', 'TagDeadLetterQueue'])(
      'encrypts the %s with SSE-SQS and denies it every request without TLS',
      (name) => {
        // Prepare
        const [id, queue] = resourceNamed(template, 'AWS::SQS::Queue', name);
        const statements = resourcePolicyStatements(template, 'AWS::SQS::QueuePolicy', id);

        // Assess
        expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
        expect(queue.Properties.KmsMasterKeyId).toBeUndefined();
        expect(statements.find(isTlsOnlyDeny)?.Action).toBe('sqs:*');
      },
    );

    it('lets S3 send to a stage queue only from the bucket that feeds it', () => {
      // Prepare
      const [cleanQueueId] = resourceNamed(template, 'AWS::SQS::Queue', 'CleanQueue');
      const [tagQueueId] = resourceNamed(template, 'AWS::SQS::Queue', 'TagQueue');
      const s3Allow = (queueId: string) =>
        resourcePolicyStatements(template, 'AWS::SQS::QueuePolicy', queueId).filter(
          (s) => s.Effect === 'Allow',
        );

      // Assess
      for (const [queueId, bucket] of [
        [cleanQueueId, 'RawBucket'],
        [tagQueueId, 'ProcessedBucket'],
      ] as const) {
        const allows = s3Allow(queueId);
        expect(allows).toHaveLength(1);
        expect(allows[0]?.Principal).toEqual({ Service: 's3.amazonaws.com' });
        expect(mentions(allows[0]?.Condition?.ArnLike?.['aws:SourceArn'], bucket)).toBe(true);
      }
    });
  });

  describe('least privilege', () => {
    it('lets the clean function read raw uploads and write processed documents, and nothing else', () => {
      // Prepare
      const statements = functionRoleStatements(template, 'CleanFunction');
      const [rawId] = resourceNamed(template, 'AWS::S3::Bucket', 'RawBucket');
      const [processedId] = resourceNamed(template, 'AWS::S3::Bucket', 'ProcessedBucket');
      const s3Statements = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
      // Every resource an action is granted on, whichever statement grants it.
      const resourcesFor = (action: string) =>
        s3Statements
          .filter((s) => actionsOf([s]).includes(action))
          .flatMap((s) => [s.Resource].flat())
          .map((r) => JSON.stringify(r))
          .sort();
      const arn = (id: string) => JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] });

      // Assess
      expect(new Set(actionsOf(statements))).toEqual(
        new Set([
          ...LOG_ACTIONS,
          ...XRAY_ACTIONS,
          ...SQS_CONSUMER_ACTIONS,
          's3:GetObject',
          's3:GetObjectVersion',
          's3:ListBucket',
          's3:PutObject',
          's3:DeleteObject',
        ]),
      );
      const rawObjects = JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [rawId, 'Arn'] }, '/raw/*']] });
      const processedObjects = JSON.stringify({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [processedId, 'Arn'] }, '/articles/*']],
      });
      // Reads: raw uploads under the prefix, and the processed document it compares versions with.
      expect(new Set(resourcesFor('s3:GetObject'))).toEqual(new Set([rawObjects, processedObjects]));
      expect(resourcesFor('s3:GetObjectVersion')).toEqual([rawObjects]);
      // Writes: processed documents only; nothing may write or delete in the raw bucket.
      expect(resourcesFor('s3:PutObject')).toEqual([processedObjects]);
      expect(resourcesFor('s3:DeleteObject')).toEqual([processedObjects]);
      expect(new Set(resourcesFor('s3:ListBucket'))).toEqual(new Set([arn(rawId), arn(processedId)]));
    });

    it('lets the tag function read processed documents and write the table, and nothing else', () => {
      // Prepare
      const statements = functionRoleStatements(template, 'TagFunction');
      const [processedId] = resourceNamed(template, 'AWS::S3::Bucket', 'ProcessedBucket');
      const [tableId] = resourceNamed(template, 'AWS::DynamoDB::Table', 'ArticleTable');
      const resourcesFor = (prefix: string) =>
        statements.filter((s) => actionsOf([s]).some((a) => a.startsWith(prefix))).map((s) => s.Resource);

      // Assess
      expect(new Set(actionsOf(statements))).toEqual(
        new Set([
          ...LOG_ACTIONS,
          ...XRAY_ACTIONS,
          ...SQS_CONSUMER_ACTIONS,
          's3:GetObject',
          's3:ListBucket',
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:BatchGetItem',
          'dynamodb:PutItem',
          'dynamodb:BatchWriteItem',
        ]),
      );
      expect(resourcesFor('s3:GetObject')).toEqual([
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [processedId, 'Arn'] }, '/articles/*']] },
      ]);
      expect(resourcesFor('s3:ListBucket')).toEqual([{ 'Fn::GetAtt': [processedId, 'Arn'] }]);
      // The table itself: not its indexes, not its stream.
      expect(resourcesFor('dynamodb:')).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    });

    it.each(['CleanFunction', 'TagFunction'])(
      'gives the %s its own queue and log group only, and no AWS-managed policy',
      (name) => {
        // Prepare
        const statements = functionRoleStatements(template, name);
        const stage = name.replace('Function', '');
        const [, fn] = resourceNamed(template, 'AWS::Lambda::Function', name);
        const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
        const [, role] = resourceNamed(template, 'AWS::IAM::Role', roleId);

        // Assess
        const queueResources = statements.filter((s) => actionsOf([s]).includes('sqs:ReceiveMessage'));
        expect(queueResources.map((s) => s.Resource)).toEqual([
          { 'Fn::GetAtt': [expect.stringContaining(`${stage}Queue`), 'Arn'] },
        ]);
        const logResources = statements.filter((s) => actionsOf([s]).includes('logs:PutLogEvents'));
        expect(logResources.map((s) => s.Resource)).toEqual([
          { 'Fn::GetAtt': [expect.stringContaining(`${stage}Logs`), 'Arn'] },
        ]);
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      },
    );

    it('grants no service-wide action and Resource "*" only for X-Ray, which has no resource-level permissions', () => {
      // Prepare
      const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as Statement[],
      );

      // Assess
      expect(statements.length).toBeGreaterThan(0);
      expect(actionsOf(statements).filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
      const starred = statements.filter((s) => [s.Resource].flat().includes('*'));
      expect(starred.length).toBeGreaterThan(0);
      for (const s of starred) expect(XRAY_ACTIONS).toEqual(expect.arrayContaining(actionsOf([s])));
    });
  });

  it('passes the handlers their configuration through the environment, and nothing secret', () => {
    // Prepare
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Architectures: ['arm64'] } }),
    );
    const variables = functions.map(
      (f) => (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
    );

    // Assess
    expect(variables).toHaveLength(2);
    for (const v of variables) {
      expect(Object.keys(v).sort()).toEqual(
        expect.arrayContaining(['NODE_OPTIONS', 'POWERTOOLS_METRICS_NAMESPACE', 'PROCESSED_BUCKET']),
      );
      for (const name of Object.keys(v)) {
        expect(name).toMatch(
          /^(NODE_OPTIONS|POWERTOOLS_METRICS_NAMESPACE|PROCESSED_BUCKET|TABLE_NAME|MAX_OBJECT_BYTES|NEWSFLOW_MODELS_DIR)$/,
        );
      }
      const literals = Object.values(v).filter((value): value is string => typeof value === 'string');
      for (const value of literals) expect(value).not.toMatch(/AKIA[0-9A-Z]{16}|[A-Za-z0-9/+]{40}/);
    }
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

  it('sets a retention on both function log groups', () => {
    // Assess
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 2);
    template.resourceCountIs('AWS::Logs::LogGroup', 2);
  });
});

describe('ArticlePipeline props', () => {
  it('honours a custom raw prefix and lets a dev stack destroy its data', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Dev');

    // Act
    new ArticlePipeline(stack, 'P', { rawPrefix: 'incoming/', removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);

    // Assess
    expect(JSON.stringify(template.findResources('Custom::S3BucketNotifications'))).toContain('"incoming/"');
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: { DeletionProtectionEnabled: false },
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    // Buckets holding objects (or old versions) cannot be deleted: each is emptied first.
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 3);
    const reads = functionRoleStatements(template, 'CleanFunction').filter((s) =>
      actionsOf([s]).includes('s3:GetObject'),
    );
    expect(mentions(reads, '/incoming/*')).toBe(true);
    expect(mentions(reads, '/raw/*')).toBe(false);
  });

  it('grants a downstream reader read-only access to the table, its index, its stream and the processed documents', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Reader');
    const pipeline = new ArticlePipeline(stack, 'P');
    const reader = new iam.Role(stack, 'Reader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });

    // Act
    pipeline.grantRead(reader);
    const template = Template.fromStack(stack);

    // Assess
    const readerRoleId = stack.getLogicalId(reader.node.defaultChild as iam.CfnRole);
    const statements = roleStatements(template, readerRoleId);
    const granted = actionsOf(statements);
    expect(granted).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetRecords', 'dynamodb:GetItem']),
    );
    expect(granted.some((a) => /dynamodb:(Put|Delete|Update|BatchWrite)/.test(a))).toBe(false);
    expect(granted.filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
    const getObject = statements.filter((s) => actionsOf([s]).includes('s3:GetObject'));
    expect(JSON.stringify(getObject)).toContain('/articles/*');
    expect(
      mentions(getObject, stack.getLogicalId(pipeline.processedBucket.node.defaultChild as s3.CfnBucket)),
    ).toBe(true);
    expect(mentions(statements, '/index/*')).toBe(true);
    expect(mentions(statements, 'StreamArn')).toBe(true);
  });

  it('lets the clean function decrypt an existing raw bucket encrypted with a customer-managed key', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Existing');
    const key = new kms.Key(stack, 'UploadsKey', { enableKeyRotation: true });
    const uploads = new s3.Bucket(stack, 'Uploads', { encryptionKey: key, enforceSSL: true });

    // Act
    new ArticlePipeline(stack, 'P', { existingRawBucket: uploads as s3.IBucket });
    const template = Template.fromStack(stack);

    // Assess
    const clean = functionRoleStatements(template, 'CleanFunction');
    const decrypt = clean.filter((s) => actionsOf([s]).includes('kms:Decrypt'));
    expect(mentions(decrypt, stack.getLogicalId(key.node.defaultChild as kms.CfnKey))).toBe(true);
    expect(actionsOf(clean).some((a) => a.startsWith('kms:Encrypt'))).toBe(false);
    expect(mentions(functionRoleStatements(template, 'TagFunction'), 'UploadsKey')).toBe(false);
    // The existing bucket is not reconfigured: two buckets of ours (processed, logs) plus the given one.
    template.resourceCountIs('AWS::S3::Bucket', 3);
  });

  it('rejects an alarm topic asked for twice', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Twice');
    const topic = new sns.Topic(stack, 'Ops');

    // Act
    const build = () => new ArticlePipeline(stack, 'P', { alarmTopic: true, existingAlarmTopic: topic });

    // Assess
    expect(build).toThrow(InvalidPipelinePropsError);
  });

  it.each([
    ['alias/aws/sqs', true],
    ['arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs', true],
    ['alias/newsflow-queues', false],
  ])('refuses to synthesize a notification queue encrypted with %s: %s', (keyId, refused) => {
    // Prepare: an escape hatch is the only way to reach the queue's encryption.
    const stack = new Stack(testApp(), 'Guard');
    const pipeline = new ArticlePipeline(stack, 'P');
    (pipeline.clean.queue.node.defaultChild as sqs.CfnQueue).kmsMasterKeyId = keyId;

    // Act
    const synth = () => Template.fromStack(stack);

    // Assess
    if (refused) expect(synth).toThrow(/aws\/sqs key \(S3 drops them silently\)/);
    else expect(synth).not.toThrow();
  });
});
