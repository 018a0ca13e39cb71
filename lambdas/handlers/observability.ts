import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, SERVICE_NAME, type Stage } from '../core/pipeline-metrics';
import { articleIdFor } from '../core/record/article-id';
import { articleIdFromProcessedKey } from '../core/record/processed-key';
import type { S3Change } from './s3-notification';

/** The logger and metrics a stage writes to. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
  /**
   * The article a change belongs to, so lines logged outside the stage (a failed message) still carry it.
   * @default - lines about failed messages carry bucket and key only
   */
  readonly articleIdOf?: (change: S3Change) => string | undefined;
}

/** Options of {@link createObservability}. */
export interface ObservabilityOptions {
  /** @default `POWERTOOLS_LOG_LEVEL`, else INFO */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

/**
 * Logger and metrics for one stage. Log level comes from `POWERTOOLS_LOG_LEVEL` (Powertools' own variable);
 * metrics can be disabled with `POWERTOOLS_METRICS_DISABLED` (the local runtime does).
 */
export function createObservability(stage: Stage, options: ObservabilityOptions = {}): Observability {
  return {
    logger: new Logger({
      serviceName: SERVICE_NAME,
      persistentKeys: { stage },
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    }),
    metrics: new Metrics({
      serviceName: SERVICE_NAME,
      // Two deployments in one account must not mix their numbers: the stack sets its own namespace.
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
      defaultDimensions: { stage },
    }),
    articleIdOf: stage === 'clean' ? rawArticleId : processedArticleId,
  };
}

function rawArticleId(change: S3Change): string {
  return articleIdFor(change.bucket, change.key);
}

function processedArticleId(change: S3Change): string | undefined {
  return articleIdFromProcessedKey(change.key);
}
