import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { type ArticleStore, DynamoArticleStore } from '../lambdas/adapters/article-store';
import { loadTaggers } from '../lambdas/adapters/load-taggers';
import { type ObjectStore, S3ObjectStore } from '../lambdas/adapters/object-store';
import { DEFAULT_MAX_BYTES } from '../lambdas/core/clean/types';
import { PIPELINE_SPEC } from '../lambdas/core/pipeline-spec';
import type { Taggers } from '../lambdas/core/tagging/tag-text';
import { createCleanHandler } from '../lambdas/handlers/clean';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../lambdas/handlers/observability';
import { createTagHandler, documentClient } from '../lambdas/handlers/tag';
import { localDynamoDbClient, localS3Client } from './clients';
import { type DynamoDbEngine, type LocalDynamoDb, startLocalDynamoDb } from './dynamodb-server';
import { LocalQueue, type QueuedMessage } from './local-queue';
import { type InvocationSummary, QueuePoller } from './queue-poller';
import { ensureArticleTable } from './resources';
import { NotificationRouter } from './s3-events';
import { type LocalS3, startLocalS3 } from './s3-server';

/** Options of {@link LocalRuntime.start}; every field has a default. */
export interface LocalRuntimeOptions {
  /** @default 4569 (0 picks a free port) */
  readonly s3Port?: number;
  /** @default 8569 (0 picks a free port) */
  readonly dynamodbPort?: number;
  /** @default 'dynalite' */
  readonly dynamodb?: DynamoDbEngine;
  /** Where objects, tables and queues persist between runs. @default '.local' in the working directory */
  readonly dataDir?: string;
  /** Start from empty buckets, table and queues. @default false */
  readonly fresh?: boolean;
  /** @default 'raw/' */
  readonly rawPrefix?: string;
  /** The functions' timeout; queue visibility is 6× this, as on AWS. @default 10_000 */
  readonly functionTimeoutMs?: number;
  /** Overrides the visibility timeout (tests use short ones to see redelivery quickly). @default 6 × functionTimeoutMs */
  readonly visibilityTimeoutMs?: number;
  /** @default 5 */
  readonly maxReceiveCount?: number;
  /** @default 10 */
  readonly batchSize?: number;
  /** @default 5 MiB */
  readonly maxObjectBytes?: number;
  /** Powertools log level of the handlers. @default 'SILENT' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** @default the committed models (loadTaggers) */
  readonly taggers?: Taggers;
  /** Wraps the stores the handlers use (fault injection in tests). @default identity */
  readonly wrapStores?: (stores: { objects: ObjectStore; articles: ArticleStore }) => {
    objects: ObjectStore;
    articles: ArticleStore;
  };
  readonly onInvocation?: (summary: InvocationSummary) => void;
}

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
  readonly names: LocalResourceNames;
  readonly pid: number;
}

/** File name of the runtime state inside the data directory. */
export const RUNTIME_STATE_FILE = 'runtime.json';

/**
 * The embedded runtime: local S3 and DynamoDB APIs on 127.0.0.1, resources created from the stack's own
 * definitions, and S3 notifications delivered through queues with SQS semantics to the same handlers the
 * Lambdas run.
 */
export class LocalRuntime {
  public readonly cleanQueue: LocalQueue;
  public readonly cleanDlq: LocalQueue;
  public readonly tagQueue: LocalQueue;
  public readonly tagDlq: LocalQueue;

  private constructor(
    public readonly s3: LocalS3,
    public readonly dynamodb: LocalDynamoDb,
    public readonly s3Client: S3Client,
    public readonly dynamodbClient: DynamoDBClient,
    public readonly names: LocalResourceNames,
    public readonly dataDir: string,
    queues: { clean: LocalQueue; cleanDlq: LocalQueue; tag: LocalQueue; tagDlq: LocalQueue },
    private readonly pollers: QueuePoller[],
    private readonly persistQueues: () => void,
  ) {
    this.cleanQueue = queues.clean;
    this.cleanDlq = queues.cleanDlq;
    this.tagQueue = queues.tag;
    this.tagDlq = queues.tagDlq;
  }

  /** Starts the emulators, creates resources, restores queued messages and starts delivering events. */
  public static async start(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
    const dataDir = options.dataDir ?? join(process.cwd(), '.local');
    if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const names: LocalResourceNames = {
      rawBucket: PIPELINE_SPEC.localNames.rawBucket,
      rawPrefix: options.rawPrefix ?? PIPELINE_SPEC.rawPrefix,
      processedBucket: PIPELINE_SPEC.localNames.processedBucket,
      table: PIPELINE_SPEC.localNames.table,
    };
    const timeoutMs = options.functionTimeoutMs ?? 10_000;
    const visibilityTimeoutMs =
      options.visibilityTimeoutMs ?? timeoutMs * PIPELINE_SPEC.queue.visibilityTimeoutFactor;
    const maxReceiveCount = options.maxReceiveCount ?? PIPELINE_SPEC.queue.maxReceiveCount;
    const queueFile = join(dataDir, 'queues.json');
    const cleanDlq = new LocalQueue({
      name: `${PIPELINE_SPEC.localNames.cleanQueue}-dlq`,
      visibilityTimeoutMs,
    });
    const tagDlq = new LocalQueue({ name: `${PIPELINE_SPEC.localNames.tagQueue}-dlq`, visibilityTimeoutMs });
    const clean = new LocalQueue({
      name: PIPELINE_SPEC.localNames.cleanQueue,
      visibilityTimeoutMs,
      maxReceiveCount,
      deadLetterQueue: cleanDlq,
    });
    const tag = new LocalQueue({
      name: PIPELINE_SPEC.localNames.tagQueue,
      visibilityTimeoutMs,
      maxReceiveCount,
      deadLetterQueue: tagDlq,
    });
    const queues = { clean, cleanDlq, tag, tagDlq };
    restoreQueues(queueFile, queues);

    const router = new NotificationRouter([
      { id: 'raw-to-clean', bucket: names.rawBucket, prefix: names.rawPrefix, deliver: (b) => clean.send(b) },
      {
        id: 'processed-to-tag',
        bucket: names.processedBucket,
        prefix: PIPELINE_SPEC.processedPrefix,
        suffix: PIPELINE_SPEC.processedSuffix,
        deliver: (b) => tag.send(b),
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
      });
    } catch (error) {
      await dynamodb.stop();
      throw error;
    }
    const s3Client = localS3Client(s3.endpoint);
    const dynamodbClient = localDynamoDbClient(dynamodb.endpoint);
    await ensureArticleTable(dynamodbClient, names.table);

    const stores = (options.wrapStores ?? ((s) => s))({
      objects: new S3ObjectStore(s3Client),
      articles: new DynamoArticleStore(documentClient(dynamodbClient), names.table),
    });
    const observability = (stage: 'clean' | 'tag') => localObservability(stage, options.logLevel ?? 'SILENT');
    const taggers = options.taggers ?? loadTaggers();
    const now = () => new Date();
    const cleanHandler = createCleanHandler(() => ({
      objects: stores.objects,
      config: {
        processedBucket: names.processedBucket,
        maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_BYTES,
      },
      ...observability('clean'),
      now,
    }));
    const tagHandler = createTagHandler(() => ({
      objects: stores.objects,
      articles: stores.articles,
      taggers,
      config: { processedBucket: names.processedBucket, tableName: names.table },
      ...observability('tag'),
      now,
    }));
    const batchSize = options.batchSize ?? PIPELINE_SPEC.queue.batchSize;
    const pollerOptions = {
      batchSize,
      timeoutMs,
      ...(options.onInvocation ? { onInvocation: options.onInvocation } : {}),
    };
    const pollers = [
      new QueuePoller({
        ...pollerOptions,
        queue: clean,
        handler: cleanHandler,
        functionName: 'newsflow-clean',
      }),
      new QueuePoller({ ...pollerOptions, queue: tag, handler: tagHandler, functionName: 'newsflow-tag' }),
    ];
    const persist = debouncedPersist(queueFile, queues);
    for (const q of Object.values(queues)) q.onChange(persist.schedule);
    const runtime = new LocalRuntime(
      s3,
      dynamodb,
      s3Client,
      dynamodbClient,
      names,
      dataDir,
      queues,
      pollers,
      persist.now,
    );
    for (const p of pollers) p.start();
    return runtime;
  }

  /** Holds deliveries (messages keep queuing) until {@link resumeDelivery}: lets tests and demos form batches. */
  public pauseDelivery(): void {
    for (const p of this.pollers) p.paused = true;
  }

  /** Resumes deliveries held by {@link pauseDelivery}. */
  public resumeDelivery(): void {
    for (const p of this.pollers) p.paused = false;
  }

  /** Endpoints and names, as written to the state file for other CLI commands. */
  public get state(): RuntimeState {
    return {
      s3Endpoint: this.s3.endpoint,
      dynamodbEndpoint: this.dynamodb.endpoint,
      names: this.names,
      pid: process.pid,
    };
  }

  /** Writes the state file other `newsflow` commands read to find this runtime. */
  public writeStateFile(): string {
    const file = join(this.dataDir, RUNTIME_STATE_FILE);
    writeFileSync(file, `${JSON.stringify(this.state, null, 2)}\n`);
    return file;
  }

  /**
   * Resolves when both stages are idle: no message waiting or in flight and no invocation running, stable
   * for `settleMs` (S3 events are emitted asynchronously after the request that caused them).
   */
  public async waitForIdle(options: { timeoutMs?: number; settleMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    const settleMs = options.settleMs ?? 150;
    let idleSince: number | undefined;
    for (;;) {
      const idle =
        this.cleanQueue.depth === 0 &&
        this.tagQueue.depth === 0 &&
        this.pollers.every((p) => !p.isBusy && !p.paused);
      const now = Date.now();
      if (idle) {
        idleSince ??= now;
        if (now - idleSince >= settleMs) return;
      } else {
        idleSince = undefined;
      }
      if (now > deadline) {
        throw new Error(
          `Pipeline not idle after ${options.timeoutMs ?? 120_000} ms (clean ${this.cleanQueue.depth}, tag ${this.tagQueue.depth})`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops delivery, saves queued messages and stops the emulators. */
  public async stop(): Promise<void> {
    await Promise.all(this.pollers.map((p) => p.stop()));
    this.persistQueues();
    this.s3Client.destroy();
    this.dynamodbClient.destroy();
    await this.s3.stop();
    await this.dynamodb.stop();
    rmSync(join(this.dataDir, RUNTIME_STATE_FILE), { force: true });
  }
}

function localObservability(stage: 'clean' | 'tag', logLevel: string): { logger: Logger; metrics: Metrics } {
  // EMF metrics only mean something in CloudWatch; locally they would flood stdout.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  return {
    logger: new Logger({
      serviceName: SERVICE_NAME,
      logLevel: logLevel as 'SILENT',
      persistentKeys: { stage },
    }),
    metrics: new Metrics({
      serviceName: SERVICE_NAME,
      namespace: METRICS_NAMESPACE,
      defaultDimensions: { stage },
    }),
  };
}

type QueueSet = Record<'clean' | 'cleanDlq' | 'tag' | 'tagDlq', LocalQueue>;

function restoreQueues(file: string, queues: QueueSet): void {
  if (!existsSync(file)) return;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof QueueSet, QueuedMessage[]>>;
  for (const [name, queue] of Object.entries(queues) as [keyof QueueSet, LocalQueue][]) {
    // Messages in flight when the last run stopped become visible again, as after a visibility timeout.
    for (const m of saved[name] ?? []) queue.restore({ ...m, visibleAt: 0 });
  }
}

function debouncedPersist(file: string, queues: QueueSet): { schedule: () => void; now: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const now = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const snapshot = Object.fromEntries(Object.entries(queues).map(([k, q]) => [k, q.snapshot()]));
    writeFileSync(file, JSON.stringify(snapshot));
  };
  return {
    schedule: () => {
      timer ??= setTimeout(now, 100);
    },
    now,
  };
}
