import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';

/** An IAM policy statement as synthesized. */
export type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

const CDK_JSON = join(__dirname, '..', '..', 'cdk.json');

/**
 * An app configured like `npx cdk synth` (the feature flags in cdk.json), without bundling: assertions then
 * see the template that deploys, and asset contents do not matter to them.
 */
export function testApp(): App {
  const { context } = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> };
  return new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
}

/** Every statement of the IAM policies attached to the role with logical id `roleId`. */
export function roleStatements(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** The statements of the execution role of the function whose logical id contains `name`. */
export function functionRoleStatements(template: Template, name: string): Statement[] {
  const functions = template.findResources('AWS::Lambda::Function');
  const [, fn] = Object.entries(functions).find(([id]) => id.includes(name)) ?? [];
  if (fn === undefined) throw new Error(`No function named like ${name}`);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return roleStatements(template, roleId);
}

/** The actions of some statements, flattened. */
export const actionsOf = (statements: readonly Statement[]): string[] =>
  statements.flatMap((s) => [s.Action].flat());

/** Whether a (synthesized, possibly intrinsic) value mentions a fragment, such as a logical id. */
export const mentions = (value: unknown, fragment: string): boolean =>
  JSON.stringify(value).includes(fragment);
