/**
 * newsflow's reader library for downstream Node services: typed, scan-free queries of the article table and
 * typed article changes from its stream. See docs/records.md for the record contract and the costs.
 * @packageDocumentation
 */

export type { EntityType } from '../core/entities/types';
export type { ArticleRecord, ArticleStatus, ReferenceDateSource } from '../core/record/types';
export { ArticleReader, type ArticleReaderOptions, MAX_PUBLISHED_RANGE_DAYS } from './article-reader';
export { readArticleText } from './article-text';
export {
  InvalidCursorError,
  InvalidQueryError,
  ReaderError,
  TableReadError,
  TextReadError,
  TextVersionError,
} from './errors';
export { type ArticleChange, articleChangeOf, RECORD_CHANGES_FILTER } from './stream';
export type {
  ArticleQuery,
  ArticleSummary,
  DayRange,
  EntityHit,
  EntityMatch,
  EntityRef,
  OpenDayRange,
  Page,
  PublishedArticle,
  QueryOptions,
  ReadOptions,
} from './types';
