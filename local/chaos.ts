import { InvalidOptionError } from './errors';

/** Probabilities of the faults the local runtime can inject (each 0-1). */
export interface ChaosSettings {
  /** A notification is delivered twice. */
  readonly duplicate: number;
  /** A notification is delayed, so later ones overtake it. */
  readonly reorder: number;
  /** An S3 or DynamoDB call fails transiently (before or after taking effect); the SDK retries it. */
  readonly fail: number;
  /** Seed of the pseudo-random choices, so a chaotic run can be replayed. */
  readonly seed: number;
  /** Longest delay of a reordered notification. @default 1000 */
  readonly maxDelayMs?: number;
}

/** No faults. */
export const NO_CHAOS: ChaosSettings = { duplicate: 0, reorder: 0, fail: 0, seed: 1 };

/**
 * Parses `duplicate=0.1,reorder=0.1,fail=0.05[,seed=7]` (the `--chaos` option).
 * @throws an error naming the bad part.
 */
export function parseChaos(spec: string): ChaosSettings {
  const settings: Record<string, number> = { ...NO_CHAOS };
  for (const part of spec.split(',').filter(Boolean)) {
    const [name, raw] = part.split('=');
    const value = Number(raw);
    if (name === undefined || !['duplicate', 'reorder', 'fail', 'seed', 'maxDelayMs'].includes(name)) {
      throw new InvalidOptionError(
        `unknown chaos setting ${JSON.stringify(part)} (duplicate, reorder, fail, seed)`,
      );
    }
    const isProbability = name !== 'seed' && name !== 'maxDelayMs';
    if (!Number.isFinite(value) || value < 0 || (isProbability && value > 1)) {
      throw new InvalidOptionError(
        `chaos ${name} must be ${isProbability ? 'between 0 and 1' : 'a number ≥ 0'}`,
      );
    }
    settings[name] = value;
  }
  return settings as unknown as ChaosSettings;
}

/** Seeded fault decisions (mulberry32: small, fast, good enough for fault injection). */
export class Chaos {
  private state: number;

  public constructor(public readonly settings: ChaosSettings) {
    this.state = settings.seed >>> 0 || 1;
  }

  /** A pseudo-random number in [0, 1). */
  public random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whether to deliver a notification twice. */
  public duplicate(): boolean {
    return this.random() < this.settings.duplicate;
  }

  /** How long to hold a notification back (0: deliver in order). */
  public delayMs(): number {
    return this.random() < this.settings.reorder
      ? Math.floor(this.random() * (this.settings.maxDelayMs ?? 1000))
      : 0;
  }

  /** Whether an SDK call fails now. */
  public fail(): boolean {
    return this.random() < this.settings.fail;
  }

  /** True when any fault is enabled. */
  public get enabled(): boolean {
    return this.settings.duplicate > 0 || this.settings.reorder > 0 || this.settings.fail > 0;
  }
}

/** An AWS SDK v3 client (S3Client, DynamoDBClient): anything with a middleware stack. */
interface SdkClient {
  readonly middlewareStack: { add: (...args: never[]) => void };
}

type Next = (args: unknown) => Promise<unknown>;

/**
 * Makes a client's calls fail transiently at the chaos rate, half before the request is sent and half after
 * it took effect (a lost response). The faults look like a 503, so the SDK's own retry with backoff handles
 * them — the same path real throttling and server errors take.
 */
export function injectFaults(client: SdkClient, chaos: Chaos, onFault?: () => void): void {
  const add = client.middlewareStack.add.bind(client.middlewareStack) as unknown as (
    middleware: (next: Next) => Next,
    options: { step: 'deserialize'; name: string; priority: 'high' },
  ) => void;
  add(
    (next) => async (args) => {
      if (chaos.fail()) {
        onFault?.();
        throw transientError('before the request');
      }
      const output = await next(args);
      if (chaos.fail()) {
        onFault?.();
        throw transientError('after the request took effect');
      }
      return output;
    },
    { step: 'deserialize', name: 'newsflowFaultInjection', priority: 'high' },
  );
}

function transientError(when: string): Error {
  return Object.assign(new Error(`Injected transient fault ${when}`), {
    name: 'ServiceUnavailable',
    $fault: 'server',
    $metadata: { httpStatusCode: 503 },
    $retryable: {},
  });
}
