import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RECORD_CHANGES_FILTER } from '../../lambdas/reader';
import { ArticlePipeline, type ArticlePipelineProps } from '../../lib/article-pipeline';
import { InvalidPipelinePropsError } from '../../lib/errors';
import { actionsOf, roleStatements } from './cdk-test-app';

/** Synthesizes one pipeline without bundling (asset contents do not matter to these assertions). */
function synth(props: ArticlePipelineProps): {
  app: App;
  stack: Stack;
  template: Template;
  pipeline: ArticlePipeline;
} {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Consumer');
  const pipeline = new ArticlePipeline(stack, 'Pipeline', props);
  return { app, stack, template: Template.fromStack(stack), pipeline };
}

const STREAM_MAPPING = {
  EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ArticleTable'), 'StreamArn'] },
};

/** Findings of the AWS Solutions pack on resources under `path`; `acknowledged` false ignores acknowledgements. */
function findings(app: App, path: string, acknowledged: boolean): string[] {
  const pack = new AwsSolutionsChecks(app);
  // As in security-scan.test.ts: cdk-nag 3 has no public switch to see findings as if unacknowledged.
  if (!acknowledged) (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return pack
    .validateScope(app)
    .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`))
    .filter((f) => f.includes(` @ ${path}/`))
    .sort();
}

describe('ArticlePipeline streamConsumer', () => {
  it('subscribes nothing to the stream by default', () => {
    // Act
    const { template } = synth({});

    // Assess
    template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', STREAM_MAPPING, 0);
  });

  it('deploys the example consumer on the stream, filtered to record items, with retries and a failure queue', () => {
    // Act
    const { template, pipeline } = synth({ streamConsumer: {} });

    // Assess
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ...STREAM_MAPPING,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(RECORD_CHANGES_FILTER) }] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('StreamConsumerDeadLetterQueue'), 'Arn'] },
        },
      },
    });
    expect(JSON.parse(JSON.stringify(RECORD_CHANGES_FILTER))).toEqual({
      dynamodb: { Keys: { sk: { S: ['RECORD'] } } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('StreamConsumerFunctionRole'), 'Arn'] },
    });
    expect(pipeline.streamConsumer?.deadLetterQueue).toBeDefined();
  });

  it('lets the consumer read the stream and send failures to its queue, and nothing else of the pipeline', () => {
    // Prepare
    const { template } = synth({ streamConsumer: {} });
    const [roleId] = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) =>
      id.includes('StreamConsumerFunctionRole'),
    );

    // Act
    const statements = roleStatements(template, roleId ?? 'missing');

    // Assess
    expect(actionsOf(statements).sort()).toEqual(
      [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    const streamRead = statements.find((s) => [s.Action].flat().includes('dynamodb:GetRecords'));
    expect(streamRead?.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/ArticleTable/), 'StreamArn'],
    });
  });

  it.each([
    [{ recordsOnly: false }, false],
    [{ recordsOnly: true }, true],
  ])('filters on record items or not (%j)', (consumer, filtered) => {
    // Act
    const { template } = synth({ streamConsumer: consumer });

    // Assess
    const [mapping] = Object.values(
      template.findResources('AWS::Lambda::EventSourceMapping', { Properties: STREAM_MAPPING }),
    );
    expect(mapping?.Properties.FilterCriteria !== undefined).toBe(filtered);
  });

  it('subscribes a function you give instead of bundling one', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Own');
    const fn = new lambda.Function(stack, 'Mine', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
    });

    // Act
    new ArticlePipeline(stack, 'Pipeline', { streamConsumer: { fn } });
    const template = Template.fromStack(stack);

    // Assess
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ...STREAM_MAPPING,
      FunctionName: { Ref: stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction) },
    });
    expect(
      Object.keys(template.findResources('AWS::Lambda::Function')).some((id) =>
        id.includes('StreamConsumer'),
      ),
    ).toBe(false);
  });

  it('rejects a function together with bundling options', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Both');
    const fn = lambda.Function.fromFunctionName(stack, 'Existing', 'existing');

    // Act + Assess
    expect(
      () => new ArticlePipeline(stack, 'Pipeline', { streamConsumer: { fn, entry: 'handler.ts' } }),
    ).toThrow(InvalidPipelinePropsError);
  });

  it('leaves no security scan finding unacknowledged, and acknowledges only findings it causes', () => {
    // Prepare
    const { app } = synth({ streamConsumer: {} });
    const path = 'Consumer/Pipeline/StreamConsumer';

    // Act
    const open = findings(app, path, true);
    const raw = findings(app, path, false);

    // Assess
    expect(open).toEqual([]);
    expect(raw).toEqual([
      `AwsSolutions-IAM5[Resource::*] @ ${path}/FunctionRole/DefaultPolicy/Resource`,
      `AwsSolutions-L1 @ ${path}/Function/Resource`,
      `AwsSolutions-SQS3 @ ${path}/DeadLetterQueue/Resource`,
    ]);
    const reasons = app.node
      .findAll()
      .filter((c) => c.node.path.startsWith(path))
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.values(m.data as Record<string, string>));
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason.length).toBeGreaterThanOrEqual(80);
  });
});
