import { type Taggers, tagText } from '../tagging/tag-text';
import { PIPELINE_VERSION } from '../version';
import type { ArticleRecord, ProcessedDocument, ReferenceDateSource, TextRef } from './types';

/** Inputs of {@link buildRecord} that come from outside the processed document. */
export interface BuildRecordOptions {
  readonly taggers: Taggers;
  /** When the record is written (ISO 8601); passed in because core never reads the clock. */
  readonly ingestedAt: string;
  /**
   * Where the cleaned text lives (the processed document): a processed record carries it, so a store may keep
   * the text there alone, and does when the record would be too large.
   */
  readonly textRef: TextRef;
  /**
   * Largest serialized record size, in bytes, kept inline.
   * @default 350_000 (DynamoDB items max out at 400 KB; index attributes need the rest)
   */
  readonly maxItemBytes?: number;
}

/** Turns a processed document into the article record: tags cleaned articles, records rejections. */
export function buildRecord(doc: ProcessedDocument, options: BuildRecordOptions): ArticleRecord {
  const base = {
    id: doc.articleId,
    source: doc.source,
    pipelineVersion: PIPELINE_VERSION,
    ingestedAt: options.ingestedAt,
    keywords: [],
    headings: [],
    entities: [],
    entitySummary: [],
    dates: [],
  };
  const article = doc.article;
  if (doc.status === 'rejected' || article === undefined) {
    return {
      ...base,
      status: 'rejected',
      rejection: doc.rejection ?? { code: 'UNSUPPORTED', message: 'Processed document has no article' },
      referenceDate: doc.source.eventTime.slice(0, 10),
      referenceDateSource: 'upload',
      wordCount: 0,
      taggerVersion: '',
    };
  }
  const referenceDate = (article.publishedAt ?? doc.source.eventTime).slice(0, 10);
  // Documents cleaned before the cleaner recorded its source read their date from metadata or a dateline alike.
  const referenceDateSource: ReferenceDateSource =
    article.publishedAt === undefined ? 'upload' : (article.publishedAtSource ?? 'metadata');
  const tagged = tagText(article.text, referenceDate, options.taggers, { locale: article.locale });
  const record: ArticleRecord = {
    ...base,
    status: 'processed',
    ...optional('title', article.title),
    ...optional('publishedAt', article.publishedAt),
    referenceDate,
    referenceDateSource,
    ...optional('dateline', article.dateline),
    ...optional('byline', article.byline),
    keywords: article.keywords,
    headings: article.headings,
    ...optional('language', article.language),
    ...optional('locale', article.locale),
    text: article.text,
    textRef: options.textRef,
    wordCount: article.wordCount,
    contentHash: article.contentHash,
    entities: tagged.entities,
    entitySummary: tagged.entitySummary,
    dates: tagged.dates,
    taggerVersion: tagged.taggerVersion,
  };
  return fitToItemLimit(record, options.textRef, options.maxItemBytes ?? 350_000);
}

/**
 * Most entities a record keeps in its summary once its mention lists had to be dropped: each is a lookup item
 * too, and a pathological text (5 MiB of ALL CAPS names) has tens of thousands.
 */
export const MAX_TRUNCATED_SUMMARY = 1000;

/**
 * Keeps a record under the item size limit: first the text moves to its reference, then the mention lists
 * are dropped (the entity summary stays, so entity lookups still work), then the summary keeps its most
 * mentioned entities that fit (at most {@link MAX_TRUNCATED_SUMMARY}), then headings and keywords go.
 * Never fails.
 */
export function fitToItemLimit(record: ArticleRecord, textRef: TextRef, maxBytes: number): ArticleRecord {
  if (approximateItemBytes(record) <= maxBytes) return record;
  const { text: _text, ...withoutText } = record;
  const byReference: ArticleRecord = { ...withoutText, textRef: record.textRef ?? textRef };
  if (approximateItemBytes(byReference) <= maxBytes) return byReference;
  const withoutMentions: ArticleRecord = { ...byReference, entities: [], dates: [], truncated: true };
  if (approximateItemBytes(withoutMentions) <= maxBytes) return withoutMentions;
  const bare: ArticleRecord = { ...withoutMentions, entitySummary: [] };
  const stripped = approximateItemBytes(bare) <= maxBytes ? bare : { ...bare, headings: [], keywords: [] };
  // Summary entries in order (most mentioned first) while they fit: one pass, each entry's JSON plus a comma.
  let room = maxBytes - approximateItemBytes(stripped);
  let kept = 0;
  for (const entry of record.entitySummary.slice(0, MAX_TRUNCATED_SUMMARY)) {
    room -= Buffer.byteLength(JSON.stringify(entry), 'utf8') + 1;
    if (room < 0) break;
    kept++;
  }
  return { ...stripped, entitySummary: record.entitySummary.slice(0, kept) };
}

/** UTF-8 size of the record's JSON form: an upper-bound proxy for its DynamoDB item size. */
export function approximateItemBytes(record: ArticleRecord): number {
  return Buffer.byteLength(JSON.stringify(record), 'utf8');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
