import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { STACK_OUTPUTS } from '../../lib/stack-outputs';
import { CliError } from './errors';

/** A deployed pipeline's resources, from its stack outputs. */
export interface DeployedPipeline {
  readonly stackName: string;
  readonly rawBucket: string;
  readonly rawPrefix: string;
  readonly processedBucket: string;
  readonly table: string;
  readonly queueUrls: Readonly<Record<'clean' | 'cleanDlq' | 'tag' | 'tagDlq', string>>;
}

/**
 * Reads a deployed newsflow stack's outputs (CloudFormation DescribeStacks, your AWS credentials).
 * @throws CliError when the stack lacks an output (not a newsflow stack).
 */
export async function describeDeployedPipeline(
  stackName: string,
  region?: string,
): Promise<DeployedPipeline> {
  const client = new CloudFormationClient(region ? { region } : {});
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    return deployedPipelineFromOutputs(stackName, out.Stacks?.[0]?.Outputs ?? []);
  } finally {
    client.destroy();
  }
}

/** Maps stack outputs to the pipeline's resources. */
export function deployedPipelineFromOutputs(
  stackName: string,
  outputs: readonly { OutputKey?: string | undefined; OutputValue?: string | undefined }[],
): DeployedPipeline {
  const byKey = new Map(outputs.map((o) => [o.OutputKey, o.OutputValue]));
  const needed = [
    STACK_OUTPUTS.rawBucket,
    STACK_OUTPUTS.rawPrefix,
    STACK_OUTPUTS.processedBucket,
    STACK_OUTPUTS.table,
    STACK_OUTPUTS.cleanQueue,
    STACK_OUTPUTS.cleanDlq,
    STACK_OUTPUTS.tagQueue,
    STACK_OUTPUTS.tagDlq,
  ];
  const missing = needed.filter((key) => !byKey.get(key));
  if (missing.length > 0)
    throw new CliError(`Stack ${stackName} has no output ${missing.join(', ')}: is it a newsflow stack?`);
  const value = (key: string): string => byKey.get(key) as string;
  return {
    stackName,
    rawBucket: value(STACK_OUTPUTS.rawBucket),
    rawPrefix: value(STACK_OUTPUTS.rawPrefix),
    processedBucket: value(STACK_OUTPUTS.processedBucket),
    table: value(STACK_OUTPUTS.table),
    queueUrls: {
      clean: value(STACK_OUTPUTS.cleanQueue),
      cleanDlq: value(STACK_OUTPUTS.cleanDlq),
      tag: value(STACK_OUTPUTS.tagQueue),
      tagDlq: value(STACK_OUTPUTS.tagDlq),
    },
  };
}
