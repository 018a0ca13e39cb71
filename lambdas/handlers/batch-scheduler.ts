/** Limits of a {@link BatchScheduler}. */
export interface SchedulerLimits {
  /** Tasks running at once. */
  readonly concurrency: number;
  /** Sum of the running tasks' weights; a task heavier than this alone runs only when nothing else does. */
  readonly maxWeight: number;
}

interface Waiting {
  readonly keys: readonly string[];
  readonly weight: number;
  readonly start: () => void;
}

/**
 * Runs the messages of one batch side by side so that their S3 and DynamoDB round trips overlap (Lambda bills
 * the invocation's wall time, most of it spent waiting), within a memory budget: at most `concurrency` tasks,
 * their weights (object sizes) within `maxWeight`. Tasks sharing a key (the same object) run one after another
 * in the order they were submitted, as they did when the whole batch ran in sequence. Tasks start in
 * submission order; one that has to wait for weight holds back those after it, so a large object is not passed
 * over until the batch ends.
 */
export class BatchScheduler {
  private readonly waiting: Waiting[] = [];
  // A task starts only when none of its keys is busy, so a key is held by one running task at a time.
  private readonly busyKeys = new Set<string>();
  private running = 0;
  private runningWeight = 0;

  constructor(private readonly limits: SchedulerLimits) {}

  /** Runs `task` once the limits allow, resolving or rejecting with it. */
  run<T>(keys: readonly string[], weight: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        keys,
        weight,
        start: () => {
          this.acquire(keys, weight);
          // A task that throws synchronously still releases its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              this.release(keys, weight);
              this.startReady();
            });
        },
      });
      this.startReady();
    });
  }

  private startReady(): void {
    const queued = new Set<string>();
    for (let i = 0; i < this.waiting.length && this.running < this.limits.concurrency; ) {
      const next = this.waiting[i]!;
      // An earlier task of the same object, running or still waiting, goes first.
      if (next.keys.some((k) => this.busyKeys.has(k) || queued.has(k))) {
        for (const k of next.keys) queued.add(k);
        i++;
        continue;
      }
      const fits = this.running === 0 || this.runningWeight + next.weight <= this.limits.maxWeight;
      if (!fits) return;
      this.waiting.splice(i, 1);
      next.start();
    }
  }

  private acquire(keys: readonly string[], weight: number): void {
    this.running++;
    this.runningWeight += weight;
    for (const k of keys) this.busyKeys.add(k);
  }

  private release(keys: readonly string[], weight: number): void {
    this.running--;
    this.runningWeight -= weight;
    for (const k of keys) this.busyKeys.delete(k);
  }
}
