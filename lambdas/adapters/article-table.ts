/**
 * The article table's layout: keys, the index, lookup items and how a record becomes items. The single source
 * of truth the CDK stack (lib/), the local runtime, the article store and the reader library share; no other
 * module spells a key. Pure (no SDK, no I/O). See docs/records.md for the access patterns each key serves.
 */
import type { StoredItems } from '../core/reconcile/plan';
import { recordRevision } from '../core/record/revision';
import { normalizeSequencer } from '../core/record/sequencer';
import type { ArticleRecord } from '../core/record/types';

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** One overloaded index: publication day, entity name and mentioned date all share it. */
  lookupIndex: {
    name: 'lookup',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    /** Projected beside the keys so list queries need no follow-up reads. */
    nonKeyAttributes: ['articleId', 'title', 'publishedAt', 'entityType', 'canonical', 'mentions', 'status'],
  },
  /** Attribute holding a record's ordering token, compared before every overwrite. */
  sequencerAttribute: 'sequencer',
  /**
   * Attribute identifying what a record was built from (status, content hash, tagger version): one version
   * of an article is committed once per revision, so redeliveries never write it twice.
   */
  revisionAttribute: 'revision',
} as const;

/** Sort key of the article item (the record itself). */
export const RECORD_SK = 'RECORD';

const ARTICLE_PREFIX = 'ARTICLE#';

/** Partition key shared by all items of one article. */
export function articlePk(articleId: string): string {
  return `${ARTICLE_PREFIX}${articleId}`;
}

/** The article id of an article partition key, or undefined for another key. */
export function articleIdOfPk(pk: string): string | undefined {
  return pk.startsWith(ARTICLE_PREFIX) ? pk.slice(ARTICLE_PREFIX.length) : undefined;
}

/** The table key of an article's record item. */
export function recordKey(articleId: string): { readonly pk: string; readonly sk: string } {
  return { pk: articlePk(articleId), sk: RECORD_SK };
}

/** The day of the `PUBLISHED#` lookup partition that holds records without a publication date. */
export const UNKNOWN_PUBLISHED_DAY = 'unknown';

/** Lookup partition for articles published on a day (`YYYY-MM-DD`, or {@link UNKNOWN_PUBLISHED_DAY}). */
export function publishedPk(day: string): string {
  return `PUBLISHED#${day}`;
}

/** Lookup partition for an entity name (any type), matched case- and space-insensitively. */
export function entityPk(name: string): string {
  return `ENTITY#${normalizeName(name)}`;
}

/** Lookup partition for a mentioned calendar value (`2019`, `2019-12`, `2019-12-20`, `2019-W51`, `2019-Q4`). */
export function mentionPk(value: string): string {
  return `MENTION#${value}`;
}

/** Lookup sort key: newest first by publication (or reference) time, article id breaks ties. */
export function lookupSk(sortTime: string, articleId: string): string {
  return `${sortTime}#${articleId}`;
}

/**
 * Inclusive bounds of lookup sort keys whose sort time falls on the days `fromDay`..`toDay` (`YYYY-MM-DD`), for
 * `gsi1sk BETWEEN :from AND :to`. Every sort key starts with its day; `~` sorts after the `T` or `#` that follows.
 */
export function lookupSkBetween(fromDay: string, toDay: string): readonly [string, string] {
  return [fromDay, `${toDay}~`];
}

/** The name form entity lookups use: NFC, lower case, single spaces. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/**
 * The calendar values a TimeML value is findable under: `2019-12-20` → 2019, 2019-12, 2019-12-20;
 * `2019-W51` → 2019, 2019-W51; `2019-12-20T10:42` → its day's values. Non-calendar values give none.
 */
export function mentionKeysFor(value: string): string[] {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (day) return [day[1]!, `${day[1]}-${day[2]}`, `${day[1]}-${day[2]}-${day[3]}`];
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return [month[1]!, value];
  const part = /^(\d{4})-(W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (part) return [part[1]!, value];
  if (/^\d{4}$/.test(value)) return [value];
  return [];
}

/**
 * Lookup items stay under 1 KB (one write unit each, in the table and in the index): entity names longer than
 * this many UTF-8 bytes get no lookup item (the record's `entitySummary` keeps them) — far longer ones would
 * also exceed the 1,024-byte sort key limit and fail the whole write.
 */
export const MAX_LOOKUP_NAME_BYTES = 128;

/** Titles are cut to this many UTF-8 bytes in lookup items (the record keeps the whole title). */
export const MAX_LOOKUP_TITLE_BYTES = 256;

/** A table item as plain attribute values (marshalled by the store). */
export type TableItem = Record<string, unknown> & { readonly pk: string; readonly sk: string };

/**
 * All items of one article: the record item plus small lookup items per distinct entity and per mentioned
 * calendar value. Rejected records get only the record item.
 */
export function toTableItems(record: ArticleRecord): TableItem[] {
  const pk = articlePk(record.id);
  const day = record.publishedAt?.slice(0, 10) ?? UNKNOWN_PUBLISHED_DAY;
  const sortTime = record.publishedAt ?? record.referenceDate;
  const sk = lookupSk(sortTime, record.id);
  const items: TableItem[] = [
    {
      ...record,
      pk,
      sk: RECORD_SK,
      gsi1pk: publishedPk(day),
      gsi1sk: sk,
      articleId: record.id,
      [TABLE_DESIGN.sequencerAttribute]: normalizeSequencer(record.source.sequencer),
      [TABLE_DESIGN.revisionAttribute]: recordRevision(record),
    },
  ];
  if (record.status !== 'processed') return items;
  const shared = { pk, gsi1sk: sk, articleId: record.id, ...titleAndDate(record) };
  const seenEntities = new Set<string>();
  for (const e of record.entitySummary) {
    const name = normalizeName(e.canonical);
    const key = `${e.type}#${name}`;
    if (name.length === 0 || seenEntities.has(key)) continue;
    if (Math.max(utf8Bytes(name), utf8Bytes(e.canonical)) > MAX_LOOKUP_NAME_BYTES) continue;
    seenEntities.add(key);
    items.push({
      ...shared,
      sk: `ENTITY#${key}`,
      gsi1pk: entityPk(e.canonical),
      entityType: e.type,
      canonical: e.canonical,
      mentions: e.mentions,
    });
  }
  const seenValues = new Set<string>();
  for (const d of record.dates) {
    if (d.type !== 'DATE' && d.type !== 'TIME') continue;
    for (const value of mentionKeysFor(d.value)) {
      if (seenValues.has(value)) continue;
      seenValues.add(value);
      items.push({ ...shared, sk: `MENTION#${value}`, gsi1pk: mentionPk(value) });
    }
  }
  return items;
}

function titleAndDate(record: ArticleRecord): Record<string, string> {
  const out: Record<string, string> = {};
  if (record.title !== undefined) out.title = truncateUtf8(record.title, MAX_LOOKUP_TITLE_BYTES);
  if (record.publishedAt !== undefined) out.publishedAt = record.publishedAt;
  return out;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes at a code point boundary, marking the cut with `…`. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let out = '';
  let bytes = utf8Bytes('…');
  for (const ch of text) {
    bytes += utf8Bytes(ch);
    if (bytes > maxBytes) break;
    out += ch;
  }
  return `${out}…`;
}

/** Attributes of the record item that serve the table (keys, index keys, ordering), not the record contract. */
const TABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  TABLE_DESIGN.partitionKey,
  TABLE_DESIGN.sortKey,
  TABLE_DESIGN.lookupIndex.partitionKey,
  TABLE_DESIGN.lookupIndex.sortKey,
  TABLE_DESIGN.sequencerAttribute,
  TABLE_DESIGN.revisionAttribute,
  'articleId',
]);

/** The {@link ArticleRecord} stored in a record item: the item without its table attributes. */
export function recordFromItem(item: Readonly<Record<string, unknown>>): ArticleRecord {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!TABLE_ATTRIBUTES.has(name)) record[name] = value;
  // The item was written from an ArticleRecord by toTableItems; its remaining attributes are exactly that.
  return record as unknown as ArticleRecord;
}

/** Whether a key (or stream `Keys` map unmarshalled) is an article's record item. */
export function isRecordItem(item: { readonly sk?: unknown }): boolean {
  return item.sk === RECORD_SK;
}

/** The normalized sequencer a stored item carries, or undefined when it has none. */
export function sequencerOfItem(item: Readonly<Record<string, unknown>>): string | undefined {
  const value = item[TABLE_DESIGN.sequencerAttribute];
  return typeof value === 'string' ? value : undefined;
}

/** The revision a stored item carries, or undefined when it has none. */
export function revisionOfItem(item: Readonly<Record<string, unknown>>): string | undefined {
  const value = item[TABLE_DESIGN.revisionAttribute];
  return typeof value === 'string' ? value : undefined;
}

/** Groups scanned table items by article and works out what each record implies (for reconcile). */
export function storedItemsByArticle(items: readonly TableItem[]): StoredItems[] {
  const byArticle = new Map<string, { record?: TableItem; sortKeys: string[] }>();
  for (const item of items) {
    const articleId = articleIdOfPk(String(item.pk));
    if (articleId === undefined) continue;
    const entry = byArticle.get(articleId) ?? { sortKeys: [] };
    entry.sortKeys.push(String(item.sk));
    if (isRecordItem(item)) entry.record = item;
    byArticle.set(articleId, entry);
  }
  return [...byArticle].map(([articleId, { record, sortKeys }]) => {
    if (!record) return { articleId, sortKeys };
    const r = recordFromItem(record);
    return {
      articleId,
      sortKeys,
      record: {
        sequencer: sequencerOfItem(record) ?? '0',
        sourceBucket: r.source.bucket,
        sourceKey: r.source.key,
        sourceETag: r.source.eTag,
        wantedSortKeys: toTableItems(r).map((i) => i.sk),
      },
    };
  });
}
