import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { type ArticleStore, DynamoArticleStore } from '../lambdas/adapters/article-store';
import { documentClient } from '../lambdas/adapters/document-client';
import { loadTaggers } from '../lambdas/adapters/load-taggers';
import { type ObjectStore, S3ObjectStore } from '../lambdas/adapters/object-store';
import { AwsPipelineInventory } from '../lambdas/adapters/pipeline-inventory';
import { DEFAULT_MAX_BYTES } from '../lambdas/core/clean/types';
import type { Stage } from '../lambdas/core/pipeline-metrics';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';
import type { PendingArticles } from '../lambdas/core/reconcile/plan';
import { articleIdFor } from '../lambdas/core/record/article-id';
import { articleIdFromProcessedKey } from '../lambdas/core/record/processed-key';
import type { Taggers } from '../lambdas/core/tagging/tag-text';
import { handleRawChange } from '../lambdas/handlers/clean-stage';
import { createObservability, type Observability } from '../lambdas/handlers/observability';
import { parseS3Notification } from '../lambdas/handlers/s3-notification';
import { createStageHandler } from '../lambdas/handlers/stage-handler';
import { handleProcessedChange } from '../lambdas/handlers/tag-stage';
import { type ReconcileQueues, type ReconcileReport, reconcile } from '../lambdas/operations/reconcile';
import { Chaos, type ChaosSettings, injectFaults, NO_CHAOS } from './chaos';
import { localDynamoDbClient, localS3Client } from './clients';
import { type ControlServer, type ControlTarget, startControlServer } from './control-server';
import { acquireDataDirLock, type DataDirLock, LOCK_FILE } from './data-dir-lock';
import { type DynamoDbEngine, type LocalDynamoDb, startLocalDynamoDb } from './dynamodb-server';
import { LocalQueue } from './local-queue';
import { type QueueContents, QueueJournal } from './queue-journal';
import { type InvocationSummary, QueuePoller } from './queue-poller';
import { ensureArticleTable } from './resources';
import { NotificationRouter, SequencerClock, toS3NotificationRecord } from './s3-events';
import { type LocalS3, startLocalS3 } from './s3-server';

/** Options of {@link LocalRuntime.start}; every field has a default. */
export interface LocalRuntimeOptions {
  /** @default 4569 (0 picks a free port) */
  readonly s3Port?: number;
  /** @default 8569 (0 picks a free port) */
  readonly dynamodbPort?: number;
  /** Port of the control API other `newsflow` commands use (status, redrive, reprocess). @default 0 (free) */
  readonly controlPort?: number;
  /** @default 'dynalite' */
  readonly dynamodb?: DynamoDbEngine;
  /** Where objects, tables and queues persist between runs. @default '.local' in the working directory */
  readonly dataDir?: string;
  /** Start from empty buckets, table and queues. @default false */
  readonly fresh?: boolean;
  /**
   * Journal queued messages in the data directory (every change written as it happens, flushed to disk before
   * the local S3 API acknowledges a write) so a restart, even after the process was killed, resumes them.
   * Throwaway runs (soak, benchmarks) turn it off. @default true
   */
  readonly persistQueues?: boolean;
  /**
   * Compare the buckets with the table on start and re-drive what is missing or stale (`newsflow reconcile`):
   * catches objects stored without an event (a crash mid-upload) and articles uploaded while it was stopped
   * outside the pipeline's view. @default true
   */
  readonly reconcileOnStart?: boolean;
  /** @default 'raw/' */
  readonly rawPrefix?: string;
  /** The functions' timeout; queue visibility is 6× this, as on AWS. @default 30_000 */
  readonly functionTimeoutMs?: number;
  /** Overrides the visibility timeout (tests use short ones to see redelivery quickly). @default 6 × functionTimeoutMs */
  readonly visibilityTimeoutMs?: number;
  /** @default 5 */
  readonly maxReceiveCount?: number;
  /** @default 10 */
  readonly batchSize?: number;
  /** Invocations of each stage running at once (Lambda scales out per batch). @default 4 */
  readonly concurrency?: number;
  /** @default 5 MiB */
  readonly maxObjectBytes?: number;
  /** Powertools log level of the handlers. @default 'SILENT' */
  readonly logLevel?: LogLevel;
  /** @default the committed models (loadTaggers) */
  readonly taggers?: Taggers;
  /** Faults to inject: duplicate and reordered deliveries, transient S3/DynamoDB errors. @default none */
  readonly chaos?: ChaosSettings;
  /** Wraps the stores the handlers use (observation in the CLI and tests). @default identity */
  readonly wrapStores?: (stores: { objects: ObjectStore; articles: ArticleStore }) => {
    objects: ObjectStore;
    articles: ArticleStore;
  };
  readonly onInvocation?: (summary: InvocationSummary) => void;
}

/** Log levels the local runtime passes to the handlers' Powertools loggers. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/** Names of the local resources (the same roles as the stack's outputs). */
export interface LocalResourceNames {
  readonly rawBucket: string;
  readonly rawPrefix: string;
  readonly processedBucket: string;
  readonly table: string;
}

/** What `newsflow start` writes so other CLI commands find the running runtime. */
export interface RuntimeState {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  /** The control API: `GET /status`, `POST /redrive?stage=clean|tag`, `POST /reprocess`. */
  readonly controlEndpoint: string;
  readonly names: LocalResourceNames;
  readonly pid: number;
}

/** File name of the runtime state inside the data directory. */
export const RUNTIME_STATE_FILE = 'runtime.json';

/** SDK attempts of the handlers' clients: transient S3/DynamoDB errors are retried with backoff. */
const HANDLER_SDK_ATTEMPTS = 5;

type QueueSet = Record<'clean' | 'cleanDlq' | 'tag' | 'tagDlq', LocalQueue>;

/** Counts of injected faults, for reports. */
export interface FaultCounts {
  duplicated: number;
  delayed: number;
  failedCalls: number;
}

interface RuntimeParts {
  readonly s3: LocalS3;
  readonly dynamodb: LocalDynamoDb;
  readonly s3Client: S3Client;
  readonly dynamodbClient: DynamoDBClient;
  readonly handlerClients: readonly { destroy(): void }[];
  readonly handlerDynamoDbClient: DynamoDBClient;
  readonly names: LocalResourceNames;
  readonly dataDir: string;
  readonly queues: QueueSet;
  readonly pollers: readonly QueuePoller[];
  readonly journal: QueueJournal | undefined;
  readonly faults: FaultCounts;
}

/**
 * The embedded runtime: local S3 and DynamoDB APIs on 127.0.0.1, resources created from the stack's own
 * definitions, and S3 notifications delivered through queues with SQS semantics to the same handlers the
 * Lambdas run.
 */
export class LocalRuntime {
  public readonly s3: LocalS3;
  public readonly dynamodb: LocalDynamoDb;
  /** Clients for callers (uploads, reads); the handlers have their own. */
  public readonly s3Client: S3Client;
  public readonly dynamodbClient: DynamoDBClient;
  /** The handlers' own DynamoDB client: what the pipeline's work costs is metered on this one. */
  public readonly handlerDynamoDbClient: DynamoDBClient;
  public readonly names: LocalResourceNames;
  public readonly dataDir: string;
  public readonly cleanQueue: LocalQueue;
  public readonly cleanDlq: LocalQueue;
  public readonly tagQueue: LocalQueue;
  public readonly tagDlq: LocalQueue;
  public readonly faults: FaultCounts;
  /** What the reconcile on start found and re-drove (undefined when it was turned off). */
  public startupReconcile: ReconcileReport | undefined;
  private readonly parts: RuntimeParts;
  private readonly sequencers = new SequencerClock();
  private control: ControlServer | undefined;
  private lock: DataDirLock | undefined;

  private constructor(parts: RuntimeParts) {
    this.parts = parts;
    this.s3 = parts.s3;
    this.dynamodb = parts.dynamodb;
    this.s3Client = parts.s3Client;
    this.dynamodbClient = parts.dynamodbClient;
    this.handlerDynamoDbClient = parts.handlerDynamoDbClient;
    this.names = parts.names;
    this.dataDir = parts.dataDir;
    this.cleanQueue = parts.queues.clean;
    this.cleanDlq = parts.queues.cleanDlq;
    this.tagQueue = parts.queues.tag;
    this.tagDlq = parts.queues.tagDlq;
    this.faults = parts.faults;
  }

  /** Starts the emulators, creates resources, restores queued messages and starts delivering events. */
  public static async start(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
    const dataDir = options.dataDir ?? join(process.cwd(), '.local');
    mkdirSync(dataDir, { recursive: true });
    // Before anything opens the data: a second runtime on it would crash in dynalite ("Database is closed").
    const lock = acquireDataDirLock(dataDir);
    try {
      if (options.fresh) {
        for (const entry of readdirSync(dataDir))
          if (entry !== LOCK_FILE) rmSync(join(dataDir, entry), { recursive: true, force: true });
      }
      const runtime = await LocalRuntime.startLocked(options, dataDir);
      runtime.lock = lock;
      return runtime;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private static async startLocked(options: LocalRuntimeOptions, dataDir: string): Promise<LocalRuntime> {
    const names: LocalResourceNames = {
      rawBucket: PIPELINE_SPEC.localNames.rawBucket,
      rawPrefix: options.rawPrefix ?? PIPELINE_SPEC.rawPrefix,
      processedBucket: PIPELINE_SPEC.localNames.processedBucket,
      table: PIPELINE_SPEC.localNames.table,
    };
    const timeoutMs = options.functionTimeoutMs ?? 30_000;
    // A tenth of the timeout in reserve: a stage stops taking messages before it would be cut off.
    const batch = { reserveMs: Math.min(5000, timeoutMs / 10) };
    const queues = createQueues(
      options.visibilityTimeoutMs ?? timeoutMs * PIPELINE_SPEC.queue.visibilityTimeoutFactor,
      options.maxReceiveCount ?? PIPELINE_SPEC.queue.maxReceiveCount,
    );
    // The journal records every queue change from before the first event can arrive.
    const journal = options.persistQueues === false ? undefined : openJournal(dataDir, queues);

    const chaos = new Chaos(options.chaos ?? NO_CHAOS);
    const faults: FaultCounts = { duplicated: 0, delayed: 0, failedCalls: 0 };
    // S3 delivers at least once and in no guaranteed order; chaos makes both happen on purpose.
    const deliverTo = (queue: LocalQueue) => (body: string) => {
      const copies = chaos.duplicate() ? 2 : 1;
      if (copies > 1) faults.duplicated++;
      for (let i = 0; i < copies; i++) {
        const delay = chaos.delayMs();
        if (delay > 0) faults.delayed++;
        queue.send(body, delay);
      }
    };
    const router = new NotificationRouter([
      {
        id: 'raw-to-clean',
        bucket: names.rawBucket,
        prefix: names.rawPrefix,
        deliver: deliverTo(queues.clean),
      },
      {
        id: 'processed-to-tag',
        bucket: names.processedBucket,
        prefix: PIPELINE_SPEC.processedPrefix,
        suffix: PIPELINE_SPEC.processedSuffix,
        deliver: deliverTo(queues.tag),
      },
    ]);
    const dynamodb = await startLocalDynamoDb({
      engine: options.dynamodb ?? 'dynalite',
      port: options.dynamodbPort ?? 8569,
      directory: join(dataDir, options.dynamodb === 'dynamodb-local' ? 'dynamodb-local' : 'dynalite'),
    });
    let s3: LocalS3;
    try {
      s3 = await startLocalS3({
        port: options.s3Port ?? 4569,
        directory: join(dataDir, 's3'),
        buckets: [names.rawBucket, names.processedBucket],
        onEvent: (event) => router.dispatch(event),
        ...(journal ? { beforeAnswer: () => journal.sync() } : { flushObjects: false }),
      });
    } catch (error) {
      journal?.close();
      await dynamodb.stop();
      throw error;
    }
    const s3Client = localS3Client(s3.endpoint);
    const dynamodbClient = localDynamoDbClient(dynamodb.endpoint);
    await ensureArticleTable(dynamodbClient, names.table);

    // The handlers get clients of their own: faults are injected into theirs only, and retried by the SDK.
    const handlerS3 = localS3Client(s3.endpoint, { maxAttempts: HANDLER_SDK_ATTEMPTS });
    const handlerDynamoDb = localDynamoDbClient(dynamodb.endpoint, { maxAttempts: HANDLER_SDK_ATTEMPTS });
    if (chaos.settings.fail > 0) {
      for (const client of [handlerS3, handlerDynamoDb])
        injectFaults(client, chaos, () => faults.failedCalls++);
    }
    const stores = (options.wrapStores ?? ((s) => s))({
      objects: new S3ObjectStore(handlerS3),
      articles: new DynamoArticleStore(documentClient(handlerDynamoDb), names.table),
    });
    const observability = (stage: Stage) => localObservability(stage, options.logLevel ?? 'SILENT');
    const taggers = options.taggers ?? loadTaggers();
    const now = () => new Date();
    const cleanHandler = createStageHandler(
      () => ({
        objects: stores.objects,
        config: {
          processedBucket: names.processedBucket,
          maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_BYTES,
        },
        ...observability('clean'),
        now,
        batch,
      }),
      handleRawChange,
    );
    const tagHandler = createStageHandler(
      () => ({
        objects: stores.objects,
        articles: stores.articles,
        taggers,
        config: { processedBucket: names.processedBucket, tableName: names.table },
        ...observability('tag'),
        now,
        batch,
      }),
      handleProcessedChange,
    );
    const pollerOptions = {
      batchSize: options.batchSize ?? PIPELINE_SPEC.queue.batchSize,
      concurrency: options.concurrency ?? 4,
      timeoutMs,
      ...(options.onInvocation ? { onInvocation: options.onInvocation } : {}),
    };
    const pollers = [
      new QueuePoller({
        ...pollerOptions,
        queue: queues.clean,
        handler: cleanHandler,
        functionName: 'newsflow-clean',
      }),
      new QueuePoller({
        ...pollerOptions,
        queue: queues.tag,
        handler: tagHandler,
        functionName: 'newsflow-tag',
      }),
    ];
    const runtime = new LocalRuntime({
      s3,
      dynamodb,
      s3Client,
      dynamodbClient,
      handlerClients: [handlerS3, handlerDynamoDb],
      handlerDynamoDbClient: handlerDynamoDb,
      names,
      dataDir,
      queues,
      pollers,
      journal,
      faults,
    });
    try {
      // Before delivery starts, so the queued messages it leaves alone are exactly those still to come.
      if (options.reconcileOnStart !== false) {
        runtime.startupReconcile = await runtime.reconcile({ verify: false, maxRounds: 1 });
      }
      runtime.control = await startControlServer(runtime.controlTarget(), options.controlPort ?? 0);
    } catch (error) {
      await runtime.stop();
      throw error;
    }
    for (const p of pollers) p.start();
    return runtime;
  }

  /** Holds deliveries (messages keep queuing) until {@link resumeDelivery}: lets tests and demos form batches. */
  public pauseDelivery(): void {
    for (const p of this.parts.pollers) p.paused = true;
  }

  /** Resumes deliveries held by {@link pauseDelivery}. */
  public resumeDelivery(): void {
    for (const p of this.parts.pollers) p.paused = false;
  }

  /** Moves every dead-lettered message of a stage back to its queue (`newsflow redrive`); returns how many. */
  public redrive(stage: 'clean' | 'tag'): number {
    const [dlq, queue] = stage === 'clean' ? [this.cleanDlq, this.cleanQueue] : [this.tagDlq, this.tagQueue];
    const messages = dlq.drain();
    // A redriven message starts over, as after SQS's StartMessageMoveTask.
    for (const m of messages) queue.send(m.body);
    return messages.length;
  }

  /**
   * Queues a re-tag of processed documents (`newsflow reprocess`): one S3-shaped ObjectCreated notification
   * per key, delivered to the tag stage like any other. Re-tagging is idempotent.
   */
  public reprocess(processedKeys: readonly string[]): number {
    for (const key of processedKeys) {
      const record = toS3NotificationRecord(
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: this.names.processedBucket }, object: { key } },
        },
        'newsflow-reprocess',
        this.sequencers.next(),
      );
      this.tagQueue.send(JSON.stringify({ Records: [record] }));
    }
    return processedKeys.length;
  }

  /**
   * Compares the raw bucket with processed documents and records and re-drives what is missing or stale
   * through the queues (see {@link reconcile}); by default waits for the pipeline and checks again.
   */
  public reconcile(
    options: { prefix?: string; dryRun?: boolean; verify?: boolean; maxRounds?: number } = {},
  ): Promise<ReconcileReport> {
    return reconcile({
      ...options,
      names: this.names,
      inventory: new AwsPipelineInventory(this.s3Client, documentClient(this.dynamodbClient), this.names),
      queues: this.reconcileQueues(),
      now: () => new Date(),
    });
  }

  /** The queues as reconcile sees them: sends go straight in, pending articles are read from them. */
  public reconcileQueues(): ReconcileQueues {
    return {
      send: async (stage, bodies) => this.enqueue(stage, bodies),
      pending: async () => this.pendingArticles(),
      drained: () => this.waitForIdle({ timeoutMs: 30 * 60_000 }),
    };
  }

  /** Queues message bodies for a stage (reconcile's re-drives); returns how many. */
  public enqueue(stage: 'clean' | 'tag', bodies: readonly string[]): number {
    const queue = stage === 'clean' ? this.cleanQueue : this.tagQueue;
    for (const body of bodies) queue.send(body);
    return bodies.length;
  }

  /** Articles with a message waiting or in flight, per stage (messages that are not notifications are skipped). */
  public pendingArticles(): PendingArticles {
    const ids = (
      queue: LocalQueue,
      idOf: (bucket: string, key: string) => string | undefined,
    ): Set<string> => {
      const out = new Set<string>();
      for (const m of queue.snapshot()) {
        let changes: ReturnType<typeof parseS3Notification>;
        try {
          changes = parseS3Notification(m.body);
        } catch {
          continue; // a malformed message: it fails on its own and is dead-lettered
        }
        for (const c of changes) {
          const id = idOf(c.bucket, c.key);
          if (id !== undefined) out.add(id);
        }
      }
      return out;
    };
    return {
      clean: ids(this.cleanQueue, articleIdFor),
      tag: ids(this.tagQueue, (_bucket, key) => articleIdFromProcessedKey(key)),
    };
  }

  /** Endpoints and names, as written to the state file for other CLI commands. */
  public get state(): RuntimeState {
    return {
      s3Endpoint: this.s3.endpoint,
      dynamodbEndpoint: this.dynamodb.endpoint,
      controlEndpoint: this.control?.endpoint ?? '',
      names: this.names,
      pid: process.pid,
    };
  }

  /**
   * Writes the state file other `newsflow` commands read to find this runtime. It appears whole or not at all
   * (written beside it, then renamed): a reader polling for it never parses a half-written file.
   */
  public writeStateFile(): string {
    const file = join(this.dataDir, RUNTIME_STATE_FILE);
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, `${JSON.stringify(this.state, null, 2)}\n`);
    renameSync(partial, file);
    return file;
  }

  /**
   * Resolves when both stages are idle: no message waiting or in flight and no invocation running, stable
   * for `settleMs` (S3 events are emitted asynchronously after the request that caused them).
   */
  public async waitForIdle(options: { timeoutMs?: number; settleMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const deadline = Date.now() + timeoutMs;
    const settleMs = options.settleMs ?? 150;
    let idleSince: number | undefined;
    for (;;) {
      const idle =
        this.cleanQueue.depth === 0 &&
        this.tagQueue.depth === 0 &&
        this.parts.pollers.every((p) => !p.isBusy && !p.paused);
      const now = Date.now();
      if (idle) {
        idleSince ??= now;
        if (now - idleSince >= settleMs) return;
      } else {
        idleSince = undefined;
      }
      if (now > deadline) {
        throw new Error(
          `Pipeline not idle after ${timeoutMs} ms (clean ${this.cleanQueue.depth}, tag ${this.tagQueue.depth})`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops delivery and the emulators, and snapshots the queued messages. */
  public async stop(): Promise<void> {
    await Promise.all(this.parts.pollers.map((p) => p.stop()));
    await this.control?.stop();
    for (const client of [this.s3Client, this.dynamodbClient, ...this.parts.handlerClients]) client.destroy();
    await this.s3.stop();
    // After S3: an upload answered while stopping still has its event journaled.
    this.parts.journal?.close();
    await this.dynamodb.stop();
    rmSync(join(this.dataDir, RUNTIME_STATE_FILE), { force: true });
    this.lock?.release();
  }

  private controlTarget(): ControlTarget {
    return {
      queues: () => this.parts.queues,
      redrive: (stage) => this.redrive(stage),
      reprocess: (keys) => this.reprocess(keys),
      send: (stage, bodies) => this.enqueue(stage, bodies),
      pending: () => this.pendingArticles(),
    };
  }
}

function createQueues(visibilityTimeoutMs: number, maxReceiveCount: number): QueueSet {
  const cleanDlq = new LocalQueue({
    name: `${PIPELINE_SPEC.localNames.cleanQueue}-dlq`,
    visibilityTimeoutMs,
  });
  const tagDlq = new LocalQueue({ name: `${PIPELINE_SPEC.localNames.tagQueue}-dlq`, visibilityTimeoutMs });
  return {
    clean: new LocalQueue({
      name: PIPELINE_SPEC.localNames.cleanQueue,
      visibilityTimeoutMs,
      maxReceiveCount,
      deadLetterQueue: cleanDlq,
    }),
    cleanDlq,
    tag: new LocalQueue({
      name: PIPELINE_SPEC.localNames.tagQueue,
      visibilityTimeoutMs,
      maxReceiveCount,
      deadLetterQueue: tagDlq,
    }),
    tagDlq,
  };
}

function localObservability(stage: Stage, logLevel: LogLevel): Observability {
  // EMF metrics only mean something in CloudWatch; locally they would flood stdout.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  return createObservability(stage, { logLevel });
}

/** Replays the data directory's queue journal into the queues and journals them from now on. */
function openJournal(dataDir: string, queues: QueueSet): QueueJournal {
  const { journal, contents } = QueueJournal.open(dataDir);
  for (const name of Object.keys(contents) as (keyof QueueContents)[]) {
    for (const m of contents[name]) queues[name].restore(m);
  }
  journal.attach(queues);
  return journal;
}
