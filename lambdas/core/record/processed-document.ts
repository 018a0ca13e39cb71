import { cleanArticle } from '../clean/clean-article';
import type { CleanOptions, RawArticle, Rejection } from '../clean/types';
import { PIPELINE_VERSION } from '../version';
import { articleIdFor } from './article-id';
import type { ProcessedDocument, SourceRef } from './types';

/** Options of {@link createProcessedDocument}. */
export interface ProcessOptions extends CleanOptions {
  /** When cleaning happened (ISO 8601); passed in because core never reads the clock. */
  readonly cleanedAt: string;
}

/**
 * The clean stage's one core call: cleans a raw object into the document the tag stage reads.
 * Rejections become documents too, so every raw object ends as exactly one record.
 */
export function createProcessedDocument(
  raw: RawArticle,
  source: SourceRef,
  options: ProcessOptions,
): ProcessedDocument {
  // The upload day gives a year to datelines that state none ("LONDON, Dec 20 (Reuters) -").
  const outcome = cleanArticle(raw, { referenceDate: source.eventTime.slice(0, 10), ...options });
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

/** A processed document for an object the clean stage could not read at all (e.g. over the size cap). */
export function rejectedDocument(
  source: SourceRef,
  rejection: Rejection,
  cleanedAt: string,
): ProcessedDocument {
  return {
    schemaVersion: 1,
    articleId: articleIdFor(source.bucket, source.key),
    source,
    pipelineVersion: PIPELINE_VERSION,
    cleanedAt,
    status: 'rejected',
    rejection,
  };
}
