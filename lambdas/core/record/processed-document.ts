import { cleanArticle, tooLargeRejection } from '../clean/clean-article';
import { type CleanOptions, type CleanOutcome, DEFAULT_MAX_BYTES, type RawArticle } from '../clean/types';
import { PIPELINE_VERSION } from '../version';
import { articleIdFor } from './article-id';
import type { ProcessedDocument, SourceRef } from './types';

/** Options of {@link createProcessedDocument}. */
export interface ProcessOptions extends CleanOptions {
  /** When cleaning happened (ISO 8601); passed in because core never reads the clock. */
  readonly cleanedAt: string;
}

/** A raw object over the size cap, left unread: only its size is known. */
export interface OversizedObject {
  readonly oversizedBytes: number;
}

/**
 * The clean stage's one core call (the Lambda's and `newsflow process`'s): cleans a raw object into the
 * document the tag stage reads. An object over the cap is passed by its size alone and rejected unread.
 * Rejections become documents too, so every raw object ends as exactly one record.
 */
export function createProcessedDocument(
  raw: RawArticle | OversizedObject,
  source: SourceRef,
  options: ProcessOptions,
): ProcessedDocument {
  // The upload day gives a year to datelines that state none ("LONDON, Dec 20 (Reuters) -").
  const outcome: CleanOutcome =
    'oversizedBytes' in raw
      ? {
          status: 'rejected',
          rejection: tooLargeRejection(raw.oversizedBytes, options.maxBytes ?? DEFAULT_MAX_BYTES),
        }
      : cleanArticle(raw, { referenceDate: source.eventTime.slice(0, 10), ...options });
  const base = {
    schemaVersion: 1 as const,
    articleId: articleIdFor(source.bucket, source.key),
    source,
    pipelineVersion: PIPELINE_VERSION,
    cleanedAt: options.cleanedAt,
  };
  return outcome.status === 'cleaned'
    ? { ...base, status: 'cleaned', article: outcome.article }
    : { ...base, status: 'rejected', rejection: outcome.rejection };
}
