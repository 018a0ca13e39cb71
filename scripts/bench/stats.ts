/** Timing helpers shared by the measurements: warm-up, timed runs, CPU and wall clocks, medians. */

/**
 * Nearest-rank percentile (`p` in 0..1) of unsorted numbers: the smallest value with at least `p` of the values
 * at or below it. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The median (the mean of the middle two for an even count). NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** CPU time of this process (all its threads) in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One timed run: how much work was done and what it cost in CPU and wall time. */
export interface Run {
  readonly units: number;
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Rates of several runs: median per CPU second (what one core delivers) and per wall second. */
export interface Rate {
  readonly perCpuS: number;
  readonly perWallS: number;
  readonly runs: number;
  /** Units processed over all timed runs (not the warm-up). */
  readonly units: number;
}

/** Median rates over runs. */
export function rateOf(runs: readonly Run[]): Rate {
  return {
    perCpuS: median(runs.map((r) => (r.units / r.cpuMs) * 1000)),
    perWallS: median(runs.map((r) => (r.units / r.wallMs) * 1000)),
    runs: runs.length,
    units: runs.reduce((n, r) => n + r.units, 0),
  };
}

/** A document and the units it counts for (tokens, characters, bytes). */
export interface Item<T> {
  readonly value: T;
  readonly units: number;
}

/**
 * Runs `fn` over the items cyclically for at least `ms`, checking the clock after each item, so a run ends on an
 * item boundary and counts exactly the units it processed.
 */
export function timedRun<T>(
  items: readonly Item<T>[],
  ms: number,
  start: number,
  fn: (value: T) => void,
): Run {
  if (items.length === 0) throw new Error('nothing to measure');
  let units = 0;
  let i = start;
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  do {
    const item = items[i % items.length]!;
    fn(item.value);
    units += item.units;
    i++;
  } while (performance.now() - wall0 < ms);
  return { units, cpuMs: cpuMs() - cpu0, wallMs: performance.now() - wall0 };
}

/** Measurement plan: one warm-up pass over every item (and at least `warmupMs`), then `runs` runs of `runMs`. */
export interface Plan {
  readonly warmupMs: number;
  readonly runs: number;
  readonly runMs: number;
}

/**
 * Measures several contenders on the same items in the same process, alternating their runs (A, B, A, B…) so
 * that load from other processes on a shared machine falls on all of them alike. Each is warmed up first.
 */
export function compare<T>(
  items: readonly Item<T>[],
  plan: Plan,
  contenders: Readonly<Record<string, (value: T) => void>>,
): Record<string, Rate> {
  const names = Object.keys(contenders);
  for (const name of names) {
    const fn = contenders[name]!;
    for (const item of items) fn(item.value);
    timedRun(items, plan.warmupMs, 0, fn);
  }
  const runs: Record<string, Run[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < plan.runs; r++) {
    for (const name of names) {
      // Each run starts at a different item, so short runs do not all measure the first documents.
      runs[name]!.push(timedRun(items, plan.runMs, r * 7, contenders[name]!));
    }
  }
  return Object.fromEntries(names.map((n) => [n, rateOf(runs[n]!)]));
}
