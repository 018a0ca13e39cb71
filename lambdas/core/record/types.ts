import type { CleanedArticle, Rejection } from '../clean/types';
import type { DateSpan } from '../dates/types';
import type { EntityMention, EntitySummary } from '../entities/types';

/** Identity of the raw object a record was built from (from the S3 notification). */
export interface SourceRef {
  readonly bucket: string;
  /** The decoded object key (notifications carry it URL-encoded). */
  readonly key: string;
  readonly versionId?: string;
  readonly eTag: string;
  readonly size: number;
  /** S3's per-key ordering token (hex); later events carry greater sequencers. */
  readonly sequencer: string;
  /** When S3 emitted the event (ISO 8601). */
  readonly eventTime: string;
}

/** Where a text too large for a table item is stored instead. */
export interface TextRef {
  readonly bucket: string;
  readonly key: string;
}

/** Status of an article record. */
export type ArticleStatus = 'processed' | 'rejected';

/**
 * The document the clean stage writes and the tag stage reads: the contract between the two Lambdas.
 * Stored as JSON in the processed bucket under {@link processedKeyFor}.
 */
export interface ProcessedDocument {
  readonly schemaVersion: 1;
  readonly articleId: string;
  readonly source: SourceRef;
  readonly status: 'cleaned' | 'rejected';
  readonly article?: CleanedArticle;
  readonly rejection?: Rejection;
  readonly pipelineVersion: string;
  readonly cleanedAt: string;
}

/**
 * Where a record's reference date came from: the publication date in page or header metadata, the publication
 * date of the dateline, or — when the article gives none — the day it was uploaded, a guess that relative dates
 * ("yesterday", "last week") then rest on.
 */
export type ReferenceDateSource = 'metadata' | 'dateline' | 'upload';

/** A date mention in a record (code-point offsets into `text`). */
export type DateMention = DateSpan;

/**
 * One article record: the table's contract with downstream readers (see docs/records.md).
 * Offsets are Unicode code points into `text`, end exclusive.
 */
export interface ArticleRecord
  extends Pick<CleanedArticle, 'dateline' | 'byline' | 'keywords' | 'headings' | 'language'> {
  readonly id: string;
  readonly source: SourceRef;
  readonly status: ArticleStatus;
  readonly rejection?: Rejection;
  readonly title?: string;
  readonly publishedAt?: string;
  /** The day relative dates were resolved against: `publishedAt`, else the upload day. */
  readonly referenceDate: string;
  /** Where `referenceDate` came from; `upload` means relative dates rest on a guess. Absent on older records. */
  readonly referenceDateSource?: ReferenceDateSource;
  /** BCP 47 language and region the source declared (`en-GB`); numeric dates were read by it. */
  readonly locale?: string;
  /**
   * The cleaned text. A stored record keeps it only when that adds no write unit to its item (short articles);
   * otherwise, and for texts too large for an item, read it from `textRef`.
   */
  readonly text?: string;
  /** The processed document holding the text (its `article.text`); set on processed records. */
  readonly textRef?: TextRef;
  readonly wordCount: number;
  readonly contentHash?: string;
  readonly entities: readonly EntityMention[];
  readonly entitySummary: readonly EntitySummary[];
  readonly dates: readonly DateMention[];
  /** True when mention lists were dropped to fit the item size limit (summaries are kept). */
  readonly truncated?: boolean;
  readonly pipelineVersion: string;
  readonly taggerVersion: string;
  readonly ingestedAt: string;
}

/** Re-exported so record readers need one import. */
export type { CleanedArticle, Rejection };
