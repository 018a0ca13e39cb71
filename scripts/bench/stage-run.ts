/**
 * What one article costs each stage: the real Lambda handlers (`createStageHandler` with `handleRawChange`, `handleProcessedChange`: SQS
 * batch parsing, the stage, metrics) over in-memory stores, one full batch at a time. Gives the CPU time per
 * article of each stage (no I/O in it: the AWS requests are counted instead), the waits left when every request
 * takes its assumed round trip, and the items the tag stage writes.
 */
import { TableArticleStore } from '../../lambdas/adapters/article-store';
import { isRecordItem, type TableItem } from '../../lambdas/adapters/article-table';
import { DEFAULT_MAX_BYTES } from '../../lambdas/core/clean/types';
import { PIPELINE_SPEC } from '../../lambdas/core/pipeline-spec';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import { processedKeyFor } from '../../lambdas/core/record/processed-key';
import type { ProcessedDocument } from '../../lambdas/core/record/types';
import type { Taggers } from '../../lambdas/core/tagging/tag-text';
import { handleRawChange } from '../../lambdas/handlers/clean-stage';
import { createObservability } from '../../lambdas/handlers/observability';
import { createStageHandler } from '../../lambdas/handlers/stage-handler';
import { handleProcessedChange } from '../../lambdas/handlers/tag-stage';
import { MemoryItemTable, MemoryObjectStore } from '../../test/helpers/memory-stores';
import { strongQueryReadUnits } from './dynamodb-units';
import { benchContext, createdNotification, sqsEvent } from './lambda-events';
import { cpuMs, median } from './stats';
import {
  type CallLog,
  countingItemTable,
  countingObjectStore,
  delayingItemTable,
  delayingObjectStore,
  newCallLog,
  type RequestLatencies,
} from './stores';

/** The article the stages are measured on. */
export interface StageArticle {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** One stage's cost per article. */
export interface StageCost {
  /** Median CPU milliseconds per article (one core), over the timed batches. */
  readonly cpuMs: number;
  /**
   * Median milliseconds per article the stage's invocation waits on requests beyond its CPU time, over batches
   * whose requests take their assumed round trips.
   */
  readonly waitMs: number;
  /** Requests per article, from the last timed batch's call log. */
  readonly calls: CallsPerArticle;
}

/** Both stages' cost per article, and the table items of one article. */
export interface StageRun {
  readonly article: {
    readonly name: string;
    readonly bytes: number;
    readonly textChars: number;
    /** Size of its processed document (the clean stage's output). */
    readonly processedBytes: number;
  };
  readonly batchSize: number;
  readonly clean: StageCost;
  readonly tag: StageCost;
  /** The record item first, then its lookup items and intent item, as the tag stage wrote them. */
  readonly items: readonly TableItem[];
}

/** One batch of both stages: CPU and wall milliseconds of each, what they called, where the documents are. */
interface BatchRun {
  readonly clean: { readonly cpuMs: number; readonly wallMs: number; readonly calls: CallLog };
  readonly tag: { readonly cpuMs: number; readonly wallMs: number; readonly calls: CallLog };
  readonly objects: MemoryObjectStore;
  readonly firstArticleId: string;
  readonly firstProcessedKey: string;
}

/**
 * Runs `batchSize` copies of the article under distinct keys through the clean handler, then the tag handler,
 * into fresh stores; with `latencies`, every request first waits its round trip.
 */
async function runBatch(
  article: StageArticle,
  taggers: Taggers,
  round: string,
  options: { readonly batchSize: number; readonly memoryMb: number },
  latencies?: RequestLatencies,
): Promise<BatchRun> {
  const names = PIPELINE_SPEC.localNames;
  const objects = new MemoryObjectStore();
  const cleanCalls = newCallLog();
  const tagCalls = newCallLog();
  const counted = countingItemTable(new MemoryItemTable(), tagCalls);
  const articles = new TableArticleStore(latencies ? delayingItemTable(counted, latencies) : counted);
  const objectsFor = (log: CallLog) => {
    const store = countingObjectStore(objects, log);
    return latencies ? delayingObjectStore(store, latencies) : store;
  };
  const keys = Array.from(
    { length: options.batchSize },
    (_, i) => `${PIPELINE_SPEC.rawPrefix}bench/${round}-${i}-${article.name}`,
  );
  for (const key of keys)
    objects.upload({ bucket: names.rawBucket, key }, article.bytes, article.contentType);
  const batch = { reserveMs: 5000 };
  const clean = createStageHandler(
    () => ({
      objects: objectsFor(cleanCalls),
      config: { processedBucket: names.processedBucket, maxObjectBytes: DEFAULT_MAX_BYTES },
      ...createObservability('clean', { logLevel: 'SILENT' }),
      now: () => new Date(),
      batch,
    }),
    handleRawChange,
  );
  const tag = createStageHandler(
    () => ({
      objects: objectsFor(tagCalls),
      articles,
      taggers,
      config: { processedBucket: names.processedBucket, tableName: names.table },
      ...createObservability('tag', { logLevel: 'SILENT' }),
      now: () => new Date(),
      batch,
    }),
    handleProcessedChange,
  );
  const rawEvent = sqsEvent(
    keys.map((key) => createdNotification({ bucket: names.rawBucket, key, size: article.bytes.length })),
    names.cleanQueue,
  );
  const [c0, w0] = [cpuMs(), performance.now()];
  const cleaned = await clean(rawEvent, benchContext('newsflow-clean', options.memoryMb));
  const [c1, w1] = [cpuMs(), performance.now()];
  if (cleaned.batchItemFailures.length > 0) throw new Error('the clean stage failed on the bench article');
  const processedKeys = keys.map((key) => processedKeyFor(articleIdFor(names.rawBucket, key)));
  const tagEvent = sqsEvent(
    processedKeys.map((key) => {
      const size = objects.bytesOf({ bucket: names.processedBucket, key })?.length ?? 0;
      return createdNotification({ bucket: names.processedBucket, key, size });
    }),
    names.tagQueue,
  );
  const [t0, v0] = [cpuMs(), performance.now()];
  const tagged = await tag(tagEvent, benchContext('newsflow-tag', options.memoryMb));
  const [t1, v1] = [cpuMs(), performance.now()];
  if (tagged.batchItemFailures.length > 0) throw new Error('the tag stage failed on the bench article');
  return {
    clean: { cpuMs: c1 - c0, wallMs: w1 - w0, calls: cleanCalls },
    tag: { cpuMs: t1 - t0, wallMs: v1 - v0, calls: tagCalls },
    objects,
    firstArticleId: articleIdFor(names.rawBucket, keys[0]!),
    firstProcessedKey: processedKeys[0]!,
  };
}

/**
 * Runs `rounds` timed batches (after one warm-up batch) of `batchSize` copies of the article through both
 * handlers, each batch into fresh stores; then `rounds` more batches whose requests wait their assumed round
 * trips (`latencies`), for the wait a batch's invocation has beyond its CPU time with its messages side by side.
 */
export async function measureStages(
  article: StageArticle,
  taggers: Taggers,
  options: {
    readonly rounds: number;
    readonly batchSize: number;
    readonly memoryMb: number;
    readonly latencies: RequestLatencies;
  },
): Promise<StageRun> {
  // The handlers publish EMF metrics to stdout in Lambda; here they would interleave with the report.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const names = PIPELINE_SPEC.localNames;
  const cleanCpu: number[] = [];
  const tagCpu: number[] = [];
  let cleanLog = newCallLog();
  let tagLog = newCallLog();
  let items: TableItem[] = [];
  let textChars = 0;
  let processedBytes = 0;
  for (let round = 0; round <= options.rounds; round++) {
    const run = await runBatch(article, taggers, String(round), options);
    if (round === 0) {
      // What the tag stage put for the first article: its record item first, then lookup and intent items.
      const put = run.tag.calls.itemsPut.filter((i) => i.articleId === run.firstArticleId);
      items = [...put.filter(isRecordItem), ...put.filter((i) => !isRecordItem(i))];
      // The cleaned text, from the processed document (the record keeps it only when it is short).
      const processed = run.objects.bytesOf({ bucket: names.processedBucket, key: run.firstProcessedKey });
      const doc = JSON.parse(
        Buffer.from(processed ?? []).toString('utf8') || '{}',
      ) as Partial<ProcessedDocument>;
      textChars = doc.article?.text.length ?? 0;
      processedBytes = processed?.length ?? 0;
      continue;
    }
    cleanCpu.push(run.clean.cpuMs / options.batchSize);
    tagCpu.push(run.tag.cpuMs / options.batchSize);
    cleanLog = run.clean.calls;
    tagLog = run.tag.calls;
  }
  const cleanWait: number[] = [];
  const tagWait: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const run = await runBatch(article, taggers, `wait-${round}`, options, options.latencies);
    // Wall time beyond CPU time: the round trips the other messages' work did not hide (and, on a busy
    // machine, time spent waiting for a core, which only makes the figure larger).
    cleanWait.push(Math.max(0, run.clean.wallMs - run.clean.cpuMs) / options.batchSize);
    tagWait.push(Math.max(0, run.tag.wallMs - run.tag.cpuMs) / options.batchSize);
  }
  return {
    article: { name: article.name, bytes: article.bytes.length, textChars, processedBytes },
    batchSize: options.batchSize,
    clean: {
      cpuMs: median(cleanCpu),
      waitMs: median(cleanWait),
      calls: perArticle(cleanLog, options.batchSize),
    },
    tag: { cpuMs: median(tagCpu), waitMs: median(tagWait), calls: perArticle(tagLog, options.batchSize) },
    items,
  };
}

/** Requests per article, by kind (averaged over a batch or a run). */
export interface CallsPerArticle {
  readonly s3Get: number;
  readonly s3Head: number;
  readonly s3Put: number;
  readonly s3Delete: number;
  /** Strongly consistent partition queries, and the read units they consume. */
  readonly ddbQueries: number;
  readonly ddbReadUnits: number;
  readonly ddbGet: number;
  readonly ddbBatchWrites: number;
  readonly ddbPutItem: number;
  readonly itemsPut: number;
  readonly itemsDeleted: number;
}

/** A call log divided by the articles it covers. */
export function perArticle(log: CallLog, articles: number): CallsPerArticle {
  const n = Math.max(1, articles);
  return {
    s3Get: log.s3Get / n,
    s3Head: log.s3Head / n,
    s3Put: log.s3Put / n,
    s3Delete: log.s3Delete / n,
    ddbQueries: log.ddbQueries.length / n,
    // A strongly consistent GetItem of the record (absent for a new article) is charged at least 1 RRU.
    ddbReadUnits: (log.ddbQueries.reduce((u, sizes) => u + strongQueryReadUnits(sizes), 0) + log.ddbGet) / n,
    ddbGet: log.ddbGet / n,
    ddbBatchWrites: log.ddbBatchWrites / n,
    ddbPutItem: log.ddbPutItem / n,
    itemsPut: log.itemsPut.length / n,
    itemsDeleted: log.itemsDeleted / n,
  };
}
