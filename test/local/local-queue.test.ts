import { LocalQueue } from '../../local/local-queue';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('LocalQueue (SQS semantics)', () => {
  it('hides a received message for the visibility timeout, then redelivers it', () => {
    // Prepare
    const c = clock();
    const q = new LocalQueue({ name: 'q', visibilityTimeoutMs: 1000, now: c.now });
    q.send('a');

    // Act
    const first = q.receive(10);
    const during = q.receive(10);
    c.advance(1000);
    const again = q.receive(10);

    // Assess
    expect(first.map((m) => [m.body, m.receiveCount])).toEqual([['a', 1]]);
    expect(during).toEqual([]);
    expect(again.map((m) => [m.body, m.receiveCount])).toEqual([['a', 2]]);
  });

  it('deletes only with the current receipt handle', () => {
    // Prepare
    const c = clock();
    const q = new LocalQueue({ name: 'q', visibilityTimeoutMs: 10, now: c.now });
    q.send('a');
    const [stale] = q.receive(1);
    c.advance(10);
    const [current] = q.receive(1);

    // Act
    const staleDeleted = q.delete(stale!.messageId, stale!.receiptHandle!);
    const currentDeleted = q.delete(current!.messageId, current!.receiptHandle!);

    // Assess
    expect(staleDeleted).toBe(false);
    expect(currentDeleted).toBe(true);
    expect(q.depth).toBe(0);
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives', () => {
    // Prepare
    const c = clock();
    const dlq = new LocalQueue({ name: 'dlq', visibilityTimeoutMs: 10, now: c.now });
    const q = new LocalQueue({
      name: 'q',
      visibilityTimeoutMs: 10,
      maxReceiveCount: 3,
      deadLetterQueue: dlq,
      now: c.now,
    });
    q.send('poison');

    // Act
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      counts.push(...q.receive(1).map((m) => m.receiveCount));
      c.advance(10);
    }

    // Assess
    expect(counts).toEqual([1, 2, 3]);
    expect(q.depth).toBe(0);
    expect(dlq.snapshot().map((m) => [m.body, m.receiveCount])).toEqual([['poison', 3]]);
  });

  it('returns at most the batch size and reports depth and in-flight counts', () => {
    // Prepare
    const c = clock();
    const q = new LocalQueue({ name: 'q', visibilityTimeoutMs: 100, now: c.now });
    for (let i = 0; i < 15; i++) q.send(String(i));

    // Act
    const batch = q.receive(10);

    // Assess
    expect(batch).toHaveLength(10);
    expect(q.depth).toBe(15);
    expect(q.inFlight).toBe(10);
    expect(q.nextVisibleInMs()).toBe(0);
  });

  it('makes a message visible again immediately with a zero visibility change', () => {
    // Prepare
    const c = clock();
    const q = new LocalQueue({ name: 'q', visibilityTimeoutMs: 1000, now: c.now });
    q.send('a');
    const [m] = q.receive(1);

    // Act
    q.changeVisibility(m!.messageId, m!.receiptHandle!, 0);

    // Assess
    expect(q.receive(1)).toHaveLength(1);
  });
});
