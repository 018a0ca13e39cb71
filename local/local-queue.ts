import { randomUUID } from 'node:crypto';

/** A message as the queue stores it. */
export interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentTimestamp: number;
  receiveCount: number;
  firstReceiveTimestamp?: number;
  /** Epoch ms when the message becomes visible again. */
  visibleAt: number;
  /** Handle of the current receive; deleting with an older handle does nothing (SQS semantics). */
  receiptHandle?: string;
}

/**
 * One change to a queue's stored messages, in the order it happened: what the journal writes, so a restart
 * rebuilds the queue exactly (visibility timers excepted: every message is visible after a restart).
 */
export type QueueOperation =
  | { readonly op: 'put'; readonly message: QueuedMessage }
  | { readonly op: 'remove'; readonly messageId: string }
  | {
      readonly op: 'receive';
      readonly messageId: string;
      readonly receiveCount: number;
      readonly firstReceiveTimestamp: number;
    }
  | { readonly op: 'clear' };

/** Settings of a {@link LocalQueue}. */
export interface LocalQueueOptions {
  readonly name: string;
  readonly visibilityTimeoutMs: number;
  /** Receives after which the next receive moves the message to `deadLetterQueue` instead. */
  readonly maxReceiveCount?: number;
  readonly deadLetterQueue?: LocalQueue;
  /** Clock, injectable for tests. */
  readonly now?: () => number;
}

/**
 * An in-process queue with the SQS semantics the pipeline relies on: at-least-once delivery, a visibility
 * timeout after each receive, redelivery of messages not deleted in time, receipt handles, and a move to the
 * dead-letter queue once a message has been received `maxReceiveCount` times.
 */
export class LocalQueue {
  public readonly name: string;
  private readonly messages = new Map<string, QueuedMessage>();
  private readonly options: LocalQueueOptions;
  private readonly now: () => number;
  private readonly listeners = new Set<() => void>();
  private readonly operationListeners = new Set<(operation: QueueOperation) => void>();

  public constructor(options: LocalQueueOptions) {
    this.options = options;
    this.name = options.name;
    this.now = options.now ?? Date.now;
  }

  /** Enqueues a message, optionally invisible for `delayMs` (SQS `DelaySeconds`); returns its id. */
  public send(body: string, delayMs = 0): string {
    const messageId = randomUUID();
    const message: QueuedMessage = {
      messageId,
      body,
      sentTimestamp: this.now(),
      receiveCount: 0,
      visibleAt: this.now() + delayMs,
    };
    this.messages.set(messageId, message);
    this.record({ op: 'put', message: { ...message } });
    this.notify();
    return messageId;
  }

  /** Receives up to `max` visible messages, hiding them for the visibility timeout. */
  public receive(max: number): QueuedMessage[] {
    const now = this.now();
    const out: QueuedMessage[] = [];
    for (const message of this.messages.values()) {
      if (out.length >= max) break;
      if (message.visibleAt > now) continue;
      const limit = this.options.maxReceiveCount;
      if (limit !== undefined && this.options.deadLetterQueue && message.receiveCount >= limit) {
        // Into the dead-letter queue first: a crash between the two journal lines duplicates, never loses.
        this.options.deadLetterQueue.restore({ ...message, visibleAt: now });
        this.messages.delete(message.messageId);
        this.record({ op: 'remove', messageId: message.messageId });
        continue;
      }
      message.receiveCount++;
      message.firstReceiveTimestamp ??= now;
      message.visibleAt = now + this.options.visibilityTimeoutMs;
      message.receiptHandle = randomUUID();
      this.record({
        op: 'receive',
        messageId: message.messageId,
        receiveCount: message.receiveCount,
        firstReceiveTimestamp: message.firstReceiveTimestamp,
      });
      out.push({ ...message });
    }
    return out;
  }

  /** Deletes a received message; a stale receipt handle (the message was redelivered since) is ignored. */
  public delete(messageId: string, receiptHandle: string): boolean {
    const message = this.messages.get(messageId);
    if (message?.receiptHandle !== receiptHandle) return false;
    this.messages.delete(messageId);
    this.record({ op: 'remove', messageId });
    this.notify();
    return true;
  }

  /** Makes a received message visible again after `timeoutMs` (0: immediately). */
  public changeVisibility(messageId: string, receiptHandle: string, timeoutMs: number): void {
    const message = this.messages.get(messageId);
    if (message?.receiptHandle !== receiptHandle) return;
    message.visibleAt = this.now() + timeoutMs;
    this.notify();
  }

  /**
   * Reorders the stored messages (receives go in storage order). SQS standard queues promise no order, so
   * tests and fault injection use this to deliver events in the order they want to prove safe.
   */
  public permute(order: (messages: QueuedMessage[]) => QueuedMessage[]): void {
    const reordered = order([...this.messages.values()]);
    this.messages.clear();
    for (const m of reordered) this.messages.set(m.messageId, m);
  }

  /** Removes and returns every message (used to redrive a dead-letter queue). */
  public drain(): QueuedMessage[] {
    const all = [...this.messages.values()];
    this.messages.clear();
    this.record({ op: 'clear' });
    this.notify();
    return all;
  }

  /** Puts a message back as it was (DLQ moves, redrive, restore after restart). */
  public restore(message: QueuedMessage): void {
    const { receiptHandle: _handle, ...rest } = message;
    this.messages.set(message.messageId, { ...rest });
    this.record({ op: 'put', message: { ...rest } });
    this.notify();
  }

  /** Messages waiting or in flight. */
  public get depth(): number {
    return this.messages.size;
  }

  /** Messages received and not yet deleted or timed out. */
  public get inFlight(): number {
    const now = this.now();
    let n = 0;
    for (const m of this.messages.values()) if (m.visibleAt > now && m.receiveCount > 0) n++;
    return n;
  }

  /** Milliseconds until the next hidden message becomes visible, or undefined when none is hidden. */
  public nextVisibleInMs(): number | undefined {
    const now = this.now();
    let next: number | undefined;
    for (const m of this.messages.values()) {
      if (m.visibleAt > now) next = Math.min(next ?? Number.POSITIVE_INFINITY, m.visibleAt - now);
      else return 0;
    }
    return next;
  }

  /** A copy of the stored messages (for persistence and status). */
  public snapshot(): QueuedMessage[] {
    return [...this.messages.values()].map((m) => ({ ...m }));
  }

  /** Subscribes to changes (send, delete, restore); returns the unsubscribe function. */
  public onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Subscribes to every change of the stored messages, synchronously and in order (the journal); returns the
   * unsubscribe function.
   */
  public onOperation(listener: (operation: QueueOperation) => void): () => void {
    this.operationListeners.add(listener);
    return () => this.operationListeners.delete(listener);
  }

  private record(operation: QueueOperation): void {
    for (const listener of this.operationListeners) listener(operation);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
