import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Service name on every log line and metric. */
export const SERVICE_NAME = 'newsflow';

/** Metric namespace of the pipeline (CloudWatch EMF). */
export const METRICS_NAMESPACE = 'Newsflow';

/** The logger and metrics a stage writes to. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * Logger and metrics for one stage. Log level comes from `POWERTOOLS_LOG_LEVEL` (Powertools' own variable);
 * metrics can be disabled with `POWERTOOLS_METRICS_DISABLED` (the local runtime does).
 */
export function createObservability(stage: 'clean' | 'tag'): Observability {
  return {
    logger: new Logger({ serviceName: SERVICE_NAME, persistentKeys: { stage } }),
    metrics: new Metrics({
      serviceName: SERVICE_NAME,
      namespace: METRICS_NAMESPACE,
      defaultDimensions: { stage },
    }),
  };
}
