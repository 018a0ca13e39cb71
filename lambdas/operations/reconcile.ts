import type { PipelineInventory } from '../adapters/pipeline-inventory';
import { reconcileMessage } from '../core/reconcile/events';
import {
  countByReason,
  type DocumentSource,
  documentsToRead,
  type Inventory,
  type PendingArticles,
  planReconcile,
  type ReconcileReason,
} from '../core/reconcile/plan';

/** Where reconcile sends its re-drives and how it learns that the pipeline has handled them. */
export interface ReconcileQueues {
  /** Queues message bodies for a stage; returns how many were accepted. */
  send(stage: 'clean' | 'tag', bodies: readonly string[]): Promise<number>;
  /** Articles with messages queued per stage, when the queues can tell (SQS cannot: undefined). */
  pending(): Promise<PendingArticles | undefined>;
  /** Resolves once both stages have nothing waiting or in flight. */
  drained(): Promise<void>;
}

/** Settings of {@link reconcile}. */
export interface ReconcileOptions {
  readonly names: {
    readonly rawBucket: string;
    readonly processedBucket: string;
    readonly rawPrefix: string;
  };
  /** Raw keys to compare: the raw prefix or a prefix under it. @default the pipeline's raw prefix */
  readonly prefix?: string;
  /** Compare and report only. @default false */
  readonly dryRun?: boolean;
  /** Re-drive rounds before giving up. @default 3 */
  readonly maxRounds?: number;
  /** Wait for the pipeline after each round and compare again. @default true (false: send once and return) */
  readonly verify?: boolean;
  readonly inventory: PipelineInventory;
  readonly queues: ReconcileQueues;
  /** Event time of re-drive messages. */
  readonly now: () => Date;
  readonly onRound?: (round: ReconcileRound) => void;
}

/** What one comparison found and did. */
export interface ReconcileRound {
  readonly round: number;
  readonly raw: number;
  readonly documents: number;
  /** Articles with a record item. */
  readonly records: number;
  readonly inSync: number;
  readonly pending: number;
  readonly found: Partial<Record<ReconcileReason, number>>;
  /** Messages queued (clean and tag); 0 on a dry run or a round that found nothing. */
  readonly sent: number;
  /** Re-drives the queues did not accept. */
  readonly refused: number;
  /** Orphan documents that cannot be parsed; reconcile leaves them. */
  readonly unreadable: readonly string[];
}

/**
 * How reconcile ended: `in-sync` (nothing to do), `converged` (re-drives fixed everything), `differences`
 * (dry run found some), `redriven` (sent without verifying), `not-converged` (differences remain).
 */
export type ReconcileOutcome = 'in-sync' | 'converged' | 'differences' | 'redriven' | 'not-converged';

/** The report of a reconcile run. */
export interface ReconcileReport {
  readonly outcome: ReconcileOutcome;
  readonly rounds: readonly ReconcileRound[];
}

/** Processed documents read at once (HEAD-free GETs of small JSON objects). */
const READ_CONCURRENCY = 16;

/**
 * Compares the raw bucket with the processed documents and the table, re-drives what is missing or stale
 * through the normal stages (clean or tag events), removes orphans the same way, and checks again after
 * the pipeline handled the re-drives, until nothing differs or the rounds are used up. The raw bucket is
 * only read.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
  const maxRounds = options.maxRounds ?? 3;
  const verify = options.verify ?? true;
  const rounds: ReconcileRound[] = [];
  for (let round = 1; ; round++) {
    const { inventory, sources } = await takeInventory(options);
    const plan = planReconcile(inventory, sources);
    const clean = plan.actions.filter((a) => a.stage === 'clean');
    const tag = plan.actions.filter((a) => a.stage === 'tag');
    const mayAct = !options.dryRun && round <= maxRounds && plan.actions.length > 0;
    let sent = 0;
    if (mayAct) {
      const buckets = { raw: options.names.rawBucket, processed: options.names.processedBucket };
      const eventTime = options.now().toISOString();
      if (clean.length > 0) {
        sent += await options.queues.send(
          'clean',
          clean.map((a) => reconcileMessage(a, buckets, eventTime)),
        );
      }
      if (tag.length > 0) {
        sent += await options.queues.send(
          'tag',
          tag.map((a) => reconcileMessage(a, buckets, eventTime)),
        );
      }
    }
    const report: ReconcileRound = {
      round,
      raw: inventory.raw.length,
      documents: inventory.documentKeys.length,
      records: inventory.stored.filter((s) => s.record).length,
      inSync: plan.inSync,
      pending: plan.pending,
      found: countByReason(plan.actions),
      sent,
      refused: mayAct ? plan.actions.length - sent : 0,
      unreadable: plan.unreadable,
    };
    rounds.push(report);
    options.onRound?.(report);
    if (plan.actions.length === 0 && plan.unreadable.length === 0) {
      return { outcome: round === 1 ? 'in-sync' : 'converged', rounds };
    }
    if (options.dryRun) return { outcome: 'differences', rounds };
    if (!mayAct) return { outcome: 'not-converged', rounds };
    if (!verify) return { outcome: 'redriven', rounds };
    await options.queues.drained();
  }
}

async function takeInventory(
  options: ReconcileOptions,
): Promise<{ inventory: Inventory; sources: Map<string, DocumentSource> }> {
  const rawPrefix = options.names.rawPrefix;
  const asked = options.prefix ?? rawPrefix;
  // Only keys under the raw prefix reach the pipeline: a broader prefix means all of them.
  const prefix = rawPrefix.startsWith(asked) ? rawPrefix : asked;
  // Queued before or after the listings: either way that message will bring the article up to date.
  const before = await options.queues.pending();
  const [raw, documentKeys, stored] = await Promise.all([
    options.inventory.listRaw(prefix),
    options.inventory.listDocumentKeys(),
    options.inventory.scanArticles(),
  ]);
  const after = await options.queues.pending();
  const inventory: Inventory = {
    rawBucket: options.names.rawBucket,
    prefix,
    wholePipeline: prefix === rawPrefix,
    raw,
    documentKeys,
    stored,
    ...(before || after ? { pending: union(before, after) } : {}),
  };
  const sources = new Map<string, DocumentSource>();
  const toRead = documentsToRead(inventory);
  for (let i = 0; i < toRead.length; i += READ_CONCURRENCY) {
    const batch = toRead.slice(i, i + READ_CONCURRENCY);
    const read = await Promise.all(batch.map((id) => options.inventory.readDocument(id)));
    batch.forEach((id, j) => {
      const source = read[j];
      if (source) sources.set(id, source);
    });
  }
  return { inventory, sources };
}

function union(a: PendingArticles | undefined, b: PendingArticles | undefined): PendingArticles {
  return {
    clean: new Set([...(a?.clean ?? []), ...(b?.clean ?? [])]),
    tag: new Set([...(a?.tag ?? []), ...(b?.tag ?? [])]),
  };
}
