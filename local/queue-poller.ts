import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsHandler } from '../lambdas/handlers/stage-handler';
import { lambdaContext } from './lambda-context';
import type { LocalQueue, QueuedMessage } from './local-queue';

/** Settings of a {@link QueuePoller}: the event source mapping of one stage. */
export interface QueuePollerOptions {
  readonly queue: LocalQueue;
  readonly handler: SqsHandler;
  readonly functionName: string;
  readonly batchSize: number;
  /** The function's timeout: an invocation running longer counts as failed (its messages are redelivered). */
  readonly timeoutMs: number;
  /**
   * Invocations running at once, like a function's concurrency on the SQS event source mapping.
   * @default 1
   */
  readonly concurrency?: number;
  /** Called after every invocation (for progress output and tests). */
  readonly onInvocation?: (summary: InvocationSummary) => void;
}

/** What one invocation did. */
export interface InvocationSummary {
  readonly functionName: string;
  readonly received: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly error?: unknown;
}

/**
 * Delivers a queue's messages to a handler the way Lambda's SQS event source mapping does: batches,
 * `ReportBatchItemFailures` (only failed items stay on the queue), and whole-batch retry when the handler
 * throws or times out. One invocation at a time, like a function with reserved concurrency 1.
 */
export class QueuePoller {
  private running = false;
  private busyCount = 0;
  private readonly wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private invocation = 0;
  private held = false;

  public constructor(private readonly options: QueuePollerOptions) {}

  /** Starts polling. */
  public start(): void {
    if (this.running) return;
    this.running = true;
    this.options.queue.onChange(() => this.wakeAll());
    this.loops = Array.from({ length: Math.max(1, this.options.concurrency ?? 1) }, () => this.run());
  }

  /** Stops after the current invocation. */
  public async stop(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
  }

  /** While true, no new batch is received (the current invocation finishes). */
  public get paused(): boolean {
    return this.held;
  }

  public set paused(value: boolean) {
    this.held = value;
    if (!value) this.wakeAll();
  }

  /** True while an invocation is running. */
  public get isBusy(): boolean {
    return this.busyCount > 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.held) {
        await this.sleep(1000);
        continue;
      }
      const batch = this.options.queue.receive(this.options.batchSize);
      if (batch.length === 0) {
        await this.sleep(this.options.queue.nextVisibleInMs() ?? 1000);
        continue;
      }
      this.busyCount++;
      try {
        await this.invoke(batch);
      } finally {
        this.busyCount--;
      }
    }
  }

  private async invoke(batch: QueuedMessage[]): Promise<void> {
    const { queue, handler, functionName, timeoutMs } = this.options;
    const started = Date.now();
    this.invocation++;
    const context = lambdaContext({
      functionName,
      requestId: `local-${functionName}-${this.invocation}`,
      deadline: started + timeoutMs,
    });
    const event: SQSEvent = { Records: batch.map((m) => sqsRecord(m, queue.name)) };
    let failedIds: Set<string>;
    let error: unknown;
    try {
      const response = await withTimeout(handler(event, context), timeoutMs);
      failedIds = new Set(response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? []);
    } catch (e) {
      error = e;
      failedIds = new Set(batch.map((m) => m.messageId));
    }
    for (const m of batch) {
      if (!failedIds.has(m.messageId) && m.receiptHandle) queue.delete(m.messageId, m.receiptHandle);
    }
    this.options.onInvocation?.({
      functionName,
      received: batch.length,
      failed: failedIds.size,
      durationMs: Date.now() - started,
      ...(error === undefined ? {} : { error }),
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(5, ms));
      this.wakers.add(done);
    });
  }
}

function sqsRecord(m: QueuedMessage, queueName: string): SQSRecord {
  return {
    messageId: m.messageId,
    receiptHandle: m.receiptHandle ?? '',
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentTimestamp),
      SenderId: 'AIDAS3NOTIFICATIONS',
      ApproximateFirstReceiveTimestamp: String(m.firstReceiveTimestamp ?? m.sentTimestamp),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
    awsRegion: 'us-east-1',
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
