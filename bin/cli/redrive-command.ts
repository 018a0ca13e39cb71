import { parseArgs } from 'node:util';
import { GetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { callControl } from './control-client';
import { describeDeployedPipeline } from './deployed-pipeline';
import { UsageError } from './errors';
import { writeLine } from './io';
import { readRuntimeState } from './runtime-state';

const STAGES = ['clean', 'tag'] as const;

/**
 * `newsflow redrive [--stage clean|tag] [--stack NAME [--region R]]`: moves dead-lettered messages back to
 * their stage's queue — in the local runtime (default), or in a deployed stack with SQS's message move task.
 */
export async function redriveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stage: { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (values.stage !== undefined && !STAGES.includes(values.stage as 'clean')) {
    throw new UsageError('--stage must be clean or tag');
  }
  const stages = values.stage ? [values.stage as 'clean' | 'tag'] : [...STAGES];
  if (values.stack) {
    const pipeline = await describeDeployedPipeline(values.stack, values.region);
    const sqs = new SQSClient(values.region ? { region: values.region } : {});
    try {
      for (const stage of stages) {
        const dlqUrl = pipeline.queueUrls[stage === 'clean' ? 'cleanDlq' : 'tagDlq'];
        const attributes = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: dlqUrl,
            AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'],
          }),
        );
        const arn = attributes.Attributes?.QueueArn;
        if (!arn) throw new UsageError(`Cannot read the ARN of ${dlqUrl}`);
        // Without a destination, SQS moves the messages back to the queue they were dead-lettered from.
        const task = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: arn }));
        await writeLine(
          `${stage}: moving ~${attributes.Attributes?.ApproximateNumberOfMessages ?? '?'} messages back (task ${task.TaskHandle})`,
        );
      }
    } finally {
      sqs.destroy();
    }
    return 0;
  }
  const state = readRuntimeState(values['data-dir']);
  for (const stage of stages) {
    const { moved } = await callControl<{ moved: number }>(state, 'POST', `/redrive?stage=${stage}`);
    await writeLine(`${stage}: moved ${moved} message${moved === 1 ? '' : 's'} back to the queue`);
  }
  return 0;
}
