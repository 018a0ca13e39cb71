import type { SendMessageBatchCommand, SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import { sendBatch } from '../../bin/cli/reprocess-command';

/**
 * Fault injection: an SQS client that fails chosen entries of a batch (by body) for a number of calls, as
 * SQS does under throttling, and records what it was sent.
 */
function flakySqs(failures: Record<string, { times: number; senderFault?: boolean }>) {
  const calls: string[][] = [];
  const left = new Map(Object.entries(failures).map(([body, f]) => [body, f.times]));
  return {
    calls,
    send: async (command: SendMessageBatchCommand): Promise<SendMessageBatchCommandOutput> => {
      const entries = command.input.Entries ?? [];
      calls.push(entries.map((e) => e.MessageBody ?? ''));
      const out: SendMessageBatchCommandOutput = { $metadata: {}, Successful: [], Failed: [] };
      for (const e of entries) {
        const body = e.MessageBody ?? '';
        const remaining = left.get(body) ?? 0;
        if (remaining > 0) {
          left.set(body, remaining - 1);
          out.Failed?.push({ Id: e.Id, Code: 'X', SenderFault: failures[body]?.senderFault ?? false });
        } else {
          out.Successful?.push({ Id: e.Id, MessageId: `m-${body}`, MD5OfMessageBody: '' });
        }
      }
      return out;
    },
  };
}

const noPause = async (): Promise<void> => {};

describe('sendBatch (reprocess on AWS)', () => {
  it.each([
    ['every entry accepted', {}, [true, true, true], [['a', 'b', 'c']]],
    [
      'an entry refused once, then accepted',
      { b: { times: 1 } },
      [true, true, true],
      [['a', 'b', 'c'], ['b']],
    ],
    [
      'an entry refused on every attempt',
      { c: { times: 99 } },
      [true, true, false],
      [['a', 'b', 'c'], ['c'], ['c'], ['c']],
    ],
    [
      'a sender fault (not retried)',
      { a: { times: 99, senderFault: true } },
      [false, true, true],
      [['a', 'b', 'c']],
    ],
  ])('%s', async (_case, failures, expected, calls) => {
    // Prepare
    const sqs = flakySqs(failures);

    // Act
    const queued = await sendBatch(
      sqs as never,
      'http://127.0.0.1:9/queue/reprocess',
      ['a', 'b', 'c'],
      noPause,
    );

    // Assess
    expect(queued).toEqual(expected);
    expect(sqs.calls).toEqual(calls);
  });
});
