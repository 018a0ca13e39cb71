import type { EntityType } from '../core/entities/types';
import type { ArticleRecord, ArticleStatus } from '../core/record/types';

/** What every list query returns per article: the attributes the `lookup` index projects. */
export interface ArticleSummary {
  readonly articleId: string;
  /** The article's title; lookup items cut long titles to 256 UTF-8 bytes (ending in `…`). */
  readonly title?: string;
  readonly publishedAt?: string;
  /** What results are ordered by, newest first: `publishedAt`, or the upload day when it is unknown. */
  readonly sortTime: string;
}

/** A hit of {@link ArticleReader.listPublished}: a record, so it carries its status. */
export interface PublishedArticle extends ArticleSummary {
  readonly status: ArticleStatus;
}

/** How an article mentions the entity that was looked up. */
export interface EntityMatch {
  readonly type: EntityType;
  /** The article's own spelling of the entity (its most complete mention). */
  readonly canonical: string;
  readonly mentions: number;
}

/**
 * A hit of {@link ArticleReader.findByEntity}: one per article, with one match per name and entity type the
 * article gives the entity (taggers may call the same name a `LOCATION` once and an `ORGANIZATION` once; a
 * `related` query lists every name of the entity the article uses).
 */
export interface EntityHit extends ArticleSummary {
  readonly matches: readonly EntityMatch[];
}

/** An entity to look up: a name, matched case- and space-insensitively, and optionally one type. */
export interface EntityRef {
  readonly name: string;
  readonly type?: EntityType;
  /**
   * Also find the entity's other names: a country's alternative names and demonym ("United States" finds
   * "U.S.", "USA", "America", "American"), and `X-based` for a place X.
   * @default false (articles that use this very name)
   */
  readonly related?: boolean;
}

/** Publication days `from`..`to`, inclusive, as `YYYY-MM-DD`. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** An optional bound on either side of a {@link DayRange}. */
export interface OpenDayRange {
  readonly from?: string;
  readonly to?: string;
}

/** Options of single-item reads. */
export interface ReadOptions {
  /**
   * Strongly consistent reads of the table (twice the read units). Index queries are always eventually
   * consistent — DynamoDB has no consistent reads on global secondary indexes — so for list queries the flag
   * applies to the record reads of {@link ArticleQuery.records}.
   * @default the reader's `consistentRead`
   */
  readonly consistentRead?: boolean;
}

/** Options of list queries. */
export interface QueryOptions extends ReadOptions {
  /**
   * Hits per page of {@link ArticleQuery.pages}; also bounds each DynamoDB request (pageSize + 1 items).
   * @default the reader's `pageSize`
   */
  readonly pageSize?: number;
  /** Resume after the page that returned this cursor (same query only). */
  readonly cursor?: string;
}

/** One page of hits. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; absent on the last page. Opaque; valid for the same query only. */
  readonly cursor?: string;
}

/**
 * A lazily evaluated list query, newest first. Iterate it for hits (DynamoDB pages are followed as needed),
 * call {@link pages} for pages with resumable cursors, or {@link records} for the full records.
 */
export interface ArticleQuery<T extends ArticleSummary> extends AsyncIterable<T> {
  /** Pages of at most `pageSize` hits; a query without hits yields one empty page. */
  pages(): AsyncIterableIterator<Page<T>>;
  /**
   * The full record of each hit, in order, read in batches (consistently when `consistentRead` is set).
   * The index trails the table by a moment: articles deleted since, or no longer matching, are skipped.
   */
  records(): AsyncIterableIterator<ArticleRecord>;
}
