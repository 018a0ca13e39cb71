/**
 * The names the stages log and count under, shared by the handlers and the CDK construct (its dashboard and
 * alarms read exactly what the handlers write). A plain module: the construct needs the names, not Powertools.
 */

/** Service name on every log line and metric (also the `service` metric dimension). */
export const SERVICE_NAME = 'newsflow';

/** Default metric namespace (CloudWatch EMF); a deployment overrides it with `POWERTOOLS_METRICS_NAMESPACE`. */
export const METRICS_NAMESPACE = 'Newsflow';

/** The pipeline's stages: the `stage` log key and metric dimension. */
export type Stage = 'clean' | 'tag';

/**
 * Names of the metrics the stages emit, shared with the CDK construct so its dashboard and alarms read exactly
 * what the handlers write. Every metric carries the dimensions `service` and `stage`.
 */
export const METRIC_NAMES = {
  /** clean: one per created raw object (the pipeline's input). */
  articlesReceived: 'ArticlesReceived',
  /** clean: bytes of each raw object. */
  bytesIn: 'BytesIn',
  /** clean: raw objects turned into cleaned documents. */
  articlesCleaned: 'ArticlesCleaned',
  /** clean: raw objects recorded as rejected (empty, binary, too large, undecodable). */
  articlesRejected: 'ArticlesRejected',
  /** tag: records written (processed and rejected). */
  articlesTagged: 'ArticlesTagged',
  /** tag: articles removed after their raw object was deleted. */
  articlesDeleted: 'ArticlesDeleted',
  /** tag: events for an older version than the stored record, skipped. */
  staleEventsSkipped: 'StaleEventsSkipped',
  /** either stage: redeliveries of work already done, skipped (idempotency). */
  duplicatesSkipped: 'DuplicatesSkipped',
  /** tag: entity mentions per written record. */
  entitiesPerArticle: 'EntitiesPerArticle',
  /** tag: date mentions per written record. */
  datesPerArticle: 'DatesPerArticle',
  /** tag: milliseconds spent tagging one article. */
  taggingLatency: 'TaggingLatency',
  /** tag: milliseconds from the raw upload's event time to its record being written. */
  processingLatency: 'ProcessingLatency',
  /** either stage: SQS messages that failed and will be retried (then dead-lettered). */
  messagesFailed: 'MessagesFailed',
} as const;
