#!/usr/bin/env -S npx tsx
import { App } from 'aws-cdk-lib';
import { NewsflowStack } from '../lib/newsflow-stack';

/** The CDK app: `npx cdk synth` / `npx cdk deploy`. Context `rawPrefix` and `destroyOnDelete` configure it. */
const app = new App();
const rawPrefix = app.node.tryGetContext('rawPrefix') as string | undefined;
new NewsflowStack(app, (app.node.tryGetContext('stackName') as string | undefined) ?? 'Newsflow', {
  ...(rawPrefix === undefined ? {} : { rawPrefix }),
  destroyOnDelete: app.node.tryGetContext('destroyOnDelete') === 'true',
  ...(process.env.CDK_DEFAULT_ACCOUNT && process.env.CDK_DEFAULT_REGION
    ? { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } }
    : {}),
});
