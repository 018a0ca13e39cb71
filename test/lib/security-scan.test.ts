import { type App, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ArticlePipeline } from '../../lib/article-pipeline';
import { NewsflowStack } from '../../lib/newsflow-stack';
import { testApp } from './cdk-test-app';

/** One finding: rule (with its `[finding]` qualifier when the rule has several) at a construct path. */
type Finding = `${string} @ ${string}`;

/** Runs the AWS Solutions pack over the app; `acknowledged` false reports findings as if none were acknowledged. */
function scan(app: App, options: { acknowledged: boolean } = { acknowledged: true }): Finding[] {
  const pack = new AwsSolutionsChecks(app);
  // cdk-nag 3 has no public switch for this; replacing its private check makes the raw findings visible
  // (a renamed method would make the stale-acknowledgement test fail loudly, not pass silently).
  if (!options.acknowledged)
    (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return pack
    .validateScope(app)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}` as Finding),
    )
    .sort();
}

/** The acknowledgements recorded in the construct tree: rule id, reason and where. */
function acknowledgements(root: IConstruct): { id: string; reason: string; path: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          id: id.replace(/^annotation::/i, ''),
          reason,
          path: c.node.path,
        })),
      ),
  );
}

const SCENARIOS: [string, () => App][] = [
  [
    'the Newsflow stack',
    () => {
      const app = testApp();
      new NewsflowStack(app, 'Newsflow');
      return app;
    },
  ],
  [
    'the construct alone, with defaults',
    () => {
      const app = testApp();
      new ArticlePipeline(new Stack(app, 'Alone'), 'Pipeline');
      return app;
    },
  ],
  [
    'the construct alone, as a dev stack with an existing alarm topic and a custom prefix',
    () => {
      const app = testApp();
      const stack = new Stack(app, 'DevAlone');
      const topic = new sns.Topic(stack, 'Ops', { enforceSSL: true });
      new ArticlePipeline(stack, 'Ingest', {
        rawPrefix: 'incoming/',
        removalPolicy: RemovalPolicy.DESTROY,
        existingAlarmTopic: topic,
        logRetention: 7,
        noncurrentVersionRetention: Duration.days(7),
      });
      return app;
    },
  ],
];

describe('security scan (cdk-nag AwsSolutions)', () => {
  const apps = new Map(SCENARIOS.map(([name, build]) => [name, build()]));

  it.each(SCENARIOS.map(([name]) => name))('finds nothing unacknowledged in %s', (name) => {
    // Act
    const findings = scan(apps.get(name) as App);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a new finding (the check is live): an unencrypted queue without TLS or DLQ', () => {
    // Prepare
    const app = testApp();
    const stack = new NewsflowStack(app, 'WithNewQueue');
    new sqs.Queue(stack, 'Sloppy', { encryption: sqs.QueueEncryption.UNENCRYPTED });

    // Act
    const findings = scan(app);

    // Assess
    expect(findings).toEqual([
      'AwsSolutions-SQS2 @ WithNewQueue/Sloppy/Resource',
      'AwsSolutions-SQS3 @ WithNewQueue/Sloppy/Resource',
      'AwsSolutions-SQS4 @ WithNewQueue/Sloppy/Resource',
    ]);
  });

  it('acknowledges only specific findings, each with a reason a reviewer can check', () => {
    // Prepare
    const acks = [...apps.values()].flatMap((app) => acknowledgements(app));

    // Assess
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      // Wildcard findings are acknowledged one resource or policy at a time, never the whole rule.
      if (/^AwsSolutions-IAM[45]/.test(ack.id)) expect(ack.id).toMatch(/\[(Resource|Policy|Action)::.+\]$/);
      expect(ack.reason.length).toBeGreaterThanOrEqual(80);
    }
    // Never on a whole stack or app: each sits on the construct it is about.
    expect(acks.filter((a) => !a.path.includes('/'))).toEqual([]);
  });

  it.each(SCENARIOS.map(([name]) => name))('has no stale acknowledgement in %s', (name) => {
    // Prepare
    const app = apps.get(name) as App;

    // Act
    const raw = scan(app, { acknowledged: false });

    // Assess: every acknowledgement matches a finding on a resource under the construct it sits on.
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      const matched = raw.some((f) => f.startsWith(`${ack.id} @ ${ack.path}/`));
      expect({ ack: ack.id, path: ack.path, matched }).toEqual({
        ack: ack.id,
        path: ack.path,
        matched: true,
      });
    }
  });

  it('synthesizes with the scan registered as a validation plugin (as an app would run it)', () => {
    // Prepare
    const app = testApp();
    new NewsflowStack(app, 'Plugged');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).not.toThrow();
  });
});
