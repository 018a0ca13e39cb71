import fc from 'fast-check';
import { BatchScheduler } from '../../lambdas/handlers/batch-scheduler';

/** A task to submit: its keys and weight. */
interface Spec {
  readonly name: string;
  readonly keys: readonly string[];
  readonly weight: number;
}

/**
 * Submits every spec at once; each task waits until the test finishes it. Returns the log of starts and the
 * most tasks (and weight) seen running together, finishing tasks first in, first out.
 */
async function runAll(scheduler: BatchScheduler, specs: readonly Spec[]) {
  const starts: string[] = [];
  const running = new Map<string, { weight: number; finish: () => void }>();
  let most = 0;
  let mostWeight = 0;
  const done = specs.map((spec) =>
    scheduler.run(
      spec.keys,
      spec.weight,
      () =>
        new Promise<string>((resolve) => {
          starts.push(spec.name);
          running.set(spec.name, { weight: spec.weight, finish: () => resolve(spec.name) });
          most = Math.max(most, running.size);
          mostWeight = Math.max(
            mostWeight,
            [...running.values()].reduce((s, r) => s + r.weight, 0),
          );
        }),
    ),
  );
  // Let started tasks run, then finish the oldest running one, until all are done.
  for (let finished = 0; finished < specs.length; finished++) {
    await new Promise((r) => setImmediate(r));
    const [name, task] = [...running.entries()][0]!;
    running.delete(name);
    task.finish();
  }
  return { starts, most, mostWeight, results: await Promise.all(done) };
}

const spec = (name: string, key: string, weight = 1): Spec => ({ name, keys: [key], weight });

describe('BatchScheduler', () => {
  it.each([
    {
      case: 'runs up to the concurrency',
      limits: { concurrency: 3, maxWeight: 100 },
      specs: ['a', 'b', 'c', 'd', 'e'].map((n) => spec(n, n)),
      most: 3,
      starts: ['a', 'b', 'c', 'd', 'e'],
    },
    {
      case: 'keeps the running weight within the budget',
      limits: { concurrency: 10, maxWeight: 5 },
      specs: [spec('a', 'a', 3), spec('b', 'b', 3), spec('c', 'c', 2)],
      most: 2,
      starts: ['a', 'b', 'c'],
    },
    {
      case: 'runs a task heavier than the budget alone, in its turn',
      limits: { concurrency: 10, maxWeight: 5 },
      specs: [spec('a', 'a', 1), spec('big', 'big', 50), spec('c', 'c', 1)],
      most: 1,
      starts: ['a', 'big', 'c'],
    },
    {
      case: 'runs the tasks of one object one after another, in order, others beside them',
      limits: { concurrency: 10, maxWeight: 100 },
      specs: [spec('x1', 'x'), spec('x2', 'x'), spec('y', 'y'), spec('x3', 'x')],
      most: 2,
      starts: ['x1', 'y', 'x2', 'x3'],
    },
  ])('$case', async ({ limits, specs, most, starts }) => {
    // Prepare
    const scheduler = new BatchScheduler(limits);

    // Act
    const run = await runAll(scheduler, specs);

    // Assess
    expect(run.most).toBe(most);
    expect(run.starts).toEqual(starts);
    expect(run.results).toEqual(specs.map((s) => s.name));
    if (specs.every((s) => s.weight <= limits.maxWeight))
      expect(run.mostWeight).toBeLessThanOrEqual(limits.maxWeight);
  });

  it('frees the slot of a task that fails, synchronously or not', async () => {
    // Prepare
    const scheduler = new BatchScheduler({ concurrency: 1, maxWeight: 1 });

    // Act
    const outcomes = await Promise.allSettled([
      scheduler.run(['a'], 1, () => {
        throw new Error('sync');
      }),
      scheduler.run(['b'], 1, () => Promise.reject(new Error('async'))),
      scheduler.run(['a'], 1, async () => 'after'),
    ]);

    // Assess
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      'sync',
      'async',
      'after',
    ]);
  });

  it('keeps its limits and the order of each object, and runs every task once, whatever the batch', async () => {
    const task = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      weight: fc.integer({ min: 1, max: 12 }),
      // Ticks the task waits before it settles, and whether it fails.
      ticks: fc.integer({ min: 0, max: 3 }),
      fails: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(task, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 10 }),
        async (tasks, concurrency, maxWeight) => {
          // Prepare
          const scheduler = new BatchScheduler({ concurrency, maxWeight });
          const running = new Map<number, number>();
          const started: number[] = [];
          let violations = 0;

          // Act
          const settled = await Promise.allSettled(
            tasks.map((t, i) =>
              scheduler.run([t.key], t.weight, async () => {
                started.push(i);
                running.set(i, t.weight);
                const weight = [...running.values()].reduce((s, w) => s + w, 0);
                const sameKey = [...running.keys()].filter((j) => tasks[j]?.key === t.key).length;
                if (running.size > concurrency || (running.size > 1 && weight > maxWeight) || sameKey > 1)
                  violations++;
                for (let k = 0; k < t.ticks; k++) await Promise.resolve();
                running.delete(i);
                if (t.fails) throw new Error(`task ${i}`);
                return i;
              }),
            ),
          );

          // Assess
          expect(violations).toBe(0);
          expect([...started].sort((x, y) => x - y)).toEqual(tasks.map((_, i) => i));
          for (const key of ['a', 'b', 'c', 'd']) {
            const order = started.filter((i) => tasks[i]?.key === key);
            expect(order).toEqual([...order].sort((x, y) => x - y));
          }
          settled.forEach((s, i) => {
            expect(s.status).toBe(tasks[i]?.fails ? 'rejected' : 'fulfilled');
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
