import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { ArticleStore } from '../adapters/article-store';
import type { ObjectStore } from '../adapters/object-store';
import type { Taggers } from '../core/tagging/tag-text';
import type { TagConfig } from './config';
import type { BatchOptions } from './sqs-batch';

/** What the tag stage needs, injected. */
export interface TagStageDeps {
  readonly objects: ObjectStore;
  readonly articles: ArticleStore;
  readonly taggers: Taggers;
  readonly config: TagConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** Batch settings (time budget); the Lambda uses the defaults. */
  readonly batch?: BatchOptions;
}

/** What happened to one processed-document change. */
export type TagResult =
  | 'written'
  | 'duplicate'
  | 'stale'
  | 'deleted'
  | 'skipped-missing'
  | 'skipped-superseded';
