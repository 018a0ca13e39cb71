/**
 * The article table's layout: keys, the index, lookup items and how a record becomes items. The single source
 * of truth the CDK stack (lib/), the local runtime, the article store and the reader library share; no other
 * module spells a key. Pure (no SDK, no I/O). See docs/records.md for the access patterns each key serves.
 */
import { createHash } from 'node:crypto';
import ENTITY_ALIASES from '../../resources/lookup/entity-aliases.json';
import type { StoredItems } from '../core/reconcile/plan';
import { recordRevision } from '../core/record/revision';
import { normalizeSequencer } from '../core/record/sequencer';
import type { ArticleRecord } from '../core/record/types';
import { itemSize } from './item-size';
import { BODY_FIELDS, type DecodedBody, decodeBody, encodeBody } from './record-body';

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /**
   * The sparse index of record items by publication day (`PUBLISHED#<day>`). Entity and date lookup items live
   * in the table under their own partition keys instead, so each is written once, not twice.
   */
  lookupIndex: {
    name: 'lookup',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    /**
     * Projected beside the keys so list queries need no follow-up reads. (`entityType`, `canonical` and
     * `mentions` served the lookup items of layout 1; kept so a deployed index is not replaced.)
     */
    nonKeyAttributes: ['articleId', 'title', 'publishedAt', 'entityType', 'canonical', 'mentions', 'status'],
  },
  /** Attribute holding a record's ordering token, compared before every overwrite. */
  sequencerAttribute: 'sequencer',
  /**
   * Attribute identifying what a record was built from (status, content hash, tagger version): one version
   * of an article is committed once per revision, so redeliveries never write it twice.
   */
  revisionAttribute: 'revision',
  /** Attribute holding the layout a record item was written in ({@link LAYOUT}); absent on layout 1. */
  layoutAttribute: 'layout',
} as const;

/**
 * The current table layout. Layout 1 (before 2026-12) kept lookup items in the article's partition, each copied
 * into the index, and the record's lists as plain attributes; layout 2 keyed entity lookup items by the name as
 * written. A record of an older layout is rewritten in this layout the next time its article is synced
 * (reprocess, reconcile or any new event). Layout 3 keys entity lookup items by identity ({@link entityKey}).
 */
export const LAYOUT = 3;

/** The first layout whose record item lists its lookup items (`lookups`) instead of keeping them in its partition. */
const FIRST_LISTING_LAYOUT = 2;

/** Sort key of the intent item: lookup keys written ahead of a record that may not have been committed. */
const INTENT_SK = 'PENDING';

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

const ENTITY_PREFIX = 'ENTITY#';
const MENTION_PREFIX = 'MENTION#';

/**
 * Lookup partition of an entity name (any type): the partition of its identity ({@link entityKey}), so a
 * country's alternative names and demonym share one ("U.S.", "American" → `ENTITY#united states`).
 */
export function entityPk(name: string): string {
  return `${ENTITY_PREFIX}${entityKey(name)}`;
}

/** A compound adjective naming a place ("Washington-based") is looked up under the place. */
const PLACE_ADJECTIVE_SUFFIX = '-based';

const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(ENTITY_ALIASES.aliases));

/**
 * The identity an entity name is looked up under: its normalised form ({@link normalizeName}) without a
 * trailing `-based`, or, when that form is a country's alternative name or demonym in
 * `resources/lookup/entity-aliases.json` (compared without periods), the country's normalised name:
 * `U.S.`, `USA`, `America`, `American` → `united states`; `North Korean` → `north korea`; `Washington-based`
 * → `washington`. Lookup items list the names they stand for (`entityNames`), so a query can still ask for one name.
 */
export function entityKey(name: string): string {
  const form = normalizeName(name);
  const base =
    form.length > PLACE_ADJECTIVE_SUFFIX.length && form.endsWith(PLACE_ADJECTIVE_SUFFIX)
      ? form.slice(0, -PLACE_ADJECTIVE_SUFFIX.length)
      : form;
  return ALIASES.get(aliasForm(base)) ?? base;
}

/** The form alias tables compare: a normalised name without periods (`u.s.` → `us`). */
export function aliasForm(normalizedName: string): string {
  return normalizedName.replace(/\./g, '');
}

/** The `typedNames` entry of a name given a type: `PERSON:kim jong un` (a filter value for one name and type). */
export function typedName(type: string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** Lookup partition of a year (`2019`) or a month (`2019-12`): see {@link mentionQueryFor}. */
export function mentionPk(partition: string): string {
  return `${MENTION_PREFIX}${partition}`;
}

/**
 * Where a calendar value is looked up: its partition (`2019-12-20` → `2019-12`, `2019-W51` → `2019`, a month or
 * year → itself) and, for values finer than their partition, the value the lookup item lists in `mentioned`
 * (a filter). Undefined for values the table does not index.
 */
export function mentionQueryFor(value: string): { partition: string; filter?: string } | undefined {
  const keys = mentionKeysFor(value);
  if (keys[keys.length - 1] !== value) return undefined;
  if (/^\d{4}(-\d{2})?$/.test(value)) return { partition: value };
  return {
    partition: /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.slice(0, 7) : value.slice(0, 4),
    filter: value,
  };
}

/** Lookup sort key (of the index and of lookup partitions): newest first by publication (or reference) time, article id breaks ties. */
export function lookupSk(sortTime: string, articleId: string): string {
  return `${sortTime}#${articleId}`;
}

/**
 * Inclusive bounds of lookup sort keys whose sort time falls on the days `fromDay`..`toDay` (`YYYY-MM-DD`), for
 * `sk BETWEEN :from AND :to` (or `gsi1sk` on the index). Every sort key starts with its day; `~` sorts after the `T` or `#` that follows.
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
 * Lookup items stay under 1 KB (one write unit each): entity names longer than this many UTF-8 bytes get no
 * lookup item (the record's `entitySummary` keeps them) — far longer ones would also exceed the 2,048-byte
 * partition key limit and fail the whole write.
 */
export const MAX_LOOKUP_NAME_BYTES = 128;

/**
 * Titles are cut to this many UTF-8 bytes in lookup items, or fewer when long names leave the item less room
 * (the record keeps the whole title).
 */
export const MAX_LOOKUP_TITLE_BYTES = 256;

/** How an article mentions one name of an entity lookup item: the type it gives it, its spelling, how often. */
interface Match {
  readonly type: string;
  readonly canonical: string;
  readonly mentions: number;
}

/** A table item as plain attribute values (marshalled by the store). */
export type TableItem = Record<string, unknown> & { readonly pk: string; readonly sk: string };

/** The primary key of one table item. */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Record item attribute holding the compressed body ({@link encodeBody}): bulky fields and the lookup keys. */
const BODY_ATTRIBUTE = 'body';
/** Record item attribute that listed the partition keys of the record's lookup items before they moved into `body`. */
const LOOKUPS_ATTRIBUTE = 'lookups';
/** The record field naming the processed document that holds a text the record item does not. */
const TEXT_REF_FIELD = 'textRef';

/**
 * All items of one article: the record item first, then one lookup item per distinct entity name and one per
 * year and month its calendar mentions fall in, all under the sort key `<sortTime>#<id>` in their own partitions.
 * Rejected records get only the record item.
 */
export function toTableItems(record: ArticleRecord): TableItem[] {
  const day = record.publishedAt?.slice(0, 10) ?? UNKNOWN_PUBLISHED_DAY;
  const sk = lookupSk(record.publishedAt ?? record.referenceDate, record.id);
  const index = { gsi1pk: publishedPk(day), gsi1sk: sk };
  if (record.status !== 'processed') return [recordItem(record, index, [])];
  const items: TableItem[] = [];
  const shared = {
    sk,
    articleId: record.id,
    ...(record.publishedAt === undefined ? {} : { publishedAt: record.publishedAt }),
  };
  const byKey = new Map<string, { names: Set<string>; matches: Match[] }>();
  for (const e of record.entitySummary) {
    const name = normalizeName(e.canonical);
    if (name.length === 0 || Math.max(utf8Bytes(name), utf8Bytes(e.canonical)) > MAX_LOOKUP_NAME_BYTES)
      continue;
    const key = entityKey(name);
    const entry = byKey.get(key) ?? { names: new Set<string>(), matches: [] };
    entry.names.add(name);
    if (!entry.matches.some((m) => m.type === e.type && normalizeName(m.canonical) === name))
      entry.matches.push({ type: e.type, canonical: e.canonical, mentions: e.mentions });
    byKey.set(key, entry);
  }
  for (const [key, { names, matches }] of byKey) {
    items.push({
      ...shared,
      pk: `${ENTITY_PREFIX}${key}`,
      entityNames: [...names].sort(),
      entityTypes: [...new Set(matches.map((m) => m.type))],
      typedNames: [...new Set(matches.map((m) => typedName(m.type, m.canonical)))].sort(),
      matches,
    });
  }
  const partitions = new Map<string, Set<string>>();
  for (const d of record.dates) {
    if (d.type !== 'DATE' && d.type !== 'TIME') continue;
    for (const value of mentionKeysFor(d.value)) {
      const query = mentionQueryFor(value);
      if (query === undefined) continue;
      const mentioned = partitions.get(query.partition) ?? new Set<string>();
      if (query.filter !== undefined) mentioned.add(query.filter);
      partitions.set(query.partition, mentioned);
    }
  }
  for (const [partition, mentioned] of partitions) {
    items.push({ ...shared, pk: mentionPk(partition), mentioned: [...mentioned].sort() });
  }
  const lookups = items.map((i) => withTitle(i, record.title));
  // The record lists its lookup items' partitions (their sort key is its `gsi1sk`): what it has to delete later.
  return [
    recordItem(
      record,
      index,
      lookups.map((i) => i.pk),
    ),
    ...lookups,
  ];
}

/**
 * The record item: the record's scalar fields as attributes, its lists and lookup keys compressed in `body`. The
 * text rides along in `body` when that costs no extra write unit (a short article); otherwise the item names the
 * processed document that holds it (`textRef`), which a record built by the tag stage always carries.
 */
function recordItem(
  record: ArticleRecord,
  index: { readonly gsi1pk: string; readonly gsi1sk: string },
  lookups: readonly string[],
): TableItem {
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record))
    if (!(BODY_FIELDS as readonly string[]).includes(name) && name !== TEXT_REF_FIELD)
      attributes[name] = value;
  const item = (withText: boolean): TableItem => ({
    ...attributes,
    ...(withText || record.textRef === undefined ? {} : { [TEXT_REF_FIELD]: record.textRef }),
    [BODY_ATTRIBUTE]: encodeBody(record, lookups, withText),
    ...recordKey(record.id),
    ...index,
    articleId: record.id,
    [TABLE_DESIGN.sequencerAttribute]: normalizeSequencer(record.source.sequencer),
    [TABLE_DESIGN.revisionAttribute]: revisionDigest(record),
    [TABLE_DESIGN.layoutAttribute]: LAYOUT,
  });
  if (record.text === undefined) return item(false);
  const inline = item(true);
  if (record.textRef === undefined) return inline;
  const referenced = item(false);
  return writeUnitsOf(inline) <= writeUnitsOf(referenced) ? inline : referenced;
}

function writeUnitsOf(item: TableItem): number {
  return Math.ceil(itemSize(item) / 1024);
}

/**
 * The revision a record item carries: a digest of {@link recordRevision} (status, content hash, tagger
 * version), which only has to tell revisions apart.
 */
function revisionDigest(record: ArticleRecord): string {
  return createHash('sha256').update(recordRevision(record)).digest('base64url').slice(0, 22);
}

/**
 * JSON bytes a lookup item may take. An item's JSON is never smaller than its DynamoDB size (names and values,
 * plus a byte or three per list, map and element), so this keeps it within one write unit.
 */
const LOOKUP_ITEM_JSON_BYTES = 1000;

/** A lookup item with the article's title, cut to what the item has room for (at most {@link MAX_LOOKUP_TITLE_BYTES}). */
function withTitle(item: TableItem, title: string | undefined): TableItem {
  if (title === undefined) return item;
  const room = LOOKUP_ITEM_JSON_BYTES - utf8Bytes(JSON.stringify({ ...item, title: '' }));
  // JSON escapes (quotes, backslashes, control characters) can make a title longer than its UTF-8 bytes.
  for (let max = Math.min(MAX_LOOKUP_TITLE_BYTES, room); max > utf8Bytes('…'); max -= 16) {
    const cut = truncateUtf8(title, max);
    if (utf8Bytes(JSON.stringify(cut)) - 2 <= room) return { ...item, title: cut };
  }
  return item;
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
  TABLE_DESIGN.layoutAttribute,
  BODY_ATTRIBUTE,
  LOOKUPS_ATTRIBUTE,
  'articleId',
]);

/**
 * The {@link ArticleRecord} stored in a record item (of either layout): the item without its table attributes,
 * with its compressed `body` expanded.
 */
export function recordFromItem(item: Readonly<Record<string, unknown>>): ArticleRecord {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!TABLE_ATTRIBUTES.has(name)) record[name] = value;
  const body = bodyOf(item);
  if (body) Object.assign(record, body.fields);
  // The item was written from an ArticleRecord by toTableItems; its remaining attributes are exactly that.
  return record as unknown as ArticleRecord;
}

function bodyOf(item: Readonly<Record<string, unknown>>): DecodedBody | undefined {
  const body = item[BODY_ATTRIBUTE];
  // Binary from the SDK is a Uint8Array; a Lambda stream event's JSON carries it base64-encoded.
  const bytes = typeof body === 'string' ? Buffer.from(body, 'base64') : body;
  return bytes instanceof Uint8Array ? decodeBody(bytes) : undefined;
}

/**
 * The keys of the lookup items a stored record item lists (layout 2 and later; layout 1 kept them in the
 * article's partition instead).
 */
export function lookupKeysOf(item: Readonly<Record<string, unknown>>): ItemKey[] {
  // Records of layout 3 keep the list in `body`; earlier ones as a plain attribute.
  const pks = item[LOOKUPS_ATTRIBUTE] ?? (listsLookups(item) ? bodyOf(item)?.lookups : undefined);
  const sk = item[TABLE_DESIGN.lookupIndex.sortKey];
  if (!Array.isArray(pks) || typeof sk !== 'string' || !listsLookups(item)) return [];
  return pks.map((pk) => ({ pk: String(pk), sk }));
}

/** Whether a record item is in the current layout (else its article's items are rewritten on the next sync). */
export function isCurrentLayout(item: Readonly<Record<string, unknown>>): boolean {
  return item[TABLE_DESIGN.layoutAttribute] === LAYOUT;
}

/** Whether a record item lists its lookup items (layout 2 and later), so they can be found and deleted. */
export function listsLookups(item: Readonly<Record<string, unknown>>): boolean {
  const layout = item[TABLE_DESIGN.layoutAttribute];
  return typeof layout === 'number' && layout >= FIRST_LISTING_LAYOUT;
}

/** The identity of an item's key, for set comparisons. */
export function keyId(key: ItemKey): string {
  return `${key.pk}\u0000${key.sk}`;
}

/**
 * The intent item of an article: `keys`, lookup items written ahead of their record, grouped by sort key and
 * listed by entity name (`e`) and mentioned year or month (`m`) rather than by whole key, to stay under 1 KB.
 */
export function intentItem(articleId: string, keys: readonly ItemKey[]): TableItem {
  const bySk: Record<string, { e: string[]; m: string[]; o: string[] }> = {};
  for (const { pk, sk } of keys) {
    const group = bySk[sk] ?? { e: [], m: [], o: [] };
    bySk[sk] = group;
    if (pk.startsWith(ENTITY_PREFIX)) group.e.push(pk.slice(ENTITY_PREFIX.length));
    else if (pk.startsWith(MENTION_PREFIX)) group.m.push(pk.slice(MENTION_PREFIX.length));
    else group.o.push(pk);
  }
  return { ...intentKey(articleId), articleId, pending: bySk };
}

/** The key of an article's intent item. */
export function intentKey(articleId: string): ItemKey {
  return { pk: articlePk(articleId), sk: INTENT_SK };
}

/** The lookup keys an intent item lists. */
export function keysOfIntent(item: Readonly<Record<string, unknown>>): ItemKey[] {
  const bySk = (item.pending ?? {}) as Record<string, { e?: unknown; m?: unknown; o?: unknown }>;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  return Object.entries(bySk).flatMap(([sk, group]) => [
    ...list(group.e).map((name) => ({ pk: `${ENTITY_PREFIX}${name}`, sk })),
    ...list(group.m).map((partition) => ({ pk: mentionPk(partition), sk })),
    ...list(group.o).map((pk) => ({ pk, sk })),
  ]);
}

/** Whether an item of an article's partition is its intent item. */
export function isIntentItem(item: { readonly sk?: unknown }): boolean {
  return item.sk === INTENT_SK;
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

/** A record item's key with its layout, so a record of an older layout differs from what its article wants. */
function recordKeyId(item: ItemKey, layout: unknown): string {
  return `${keyId(item)}\u0000layout ${String(layout ?? 1)}`;
}

/**
 * Groups scanned table items by article (lookup items name theirs in `articleId`) and works out what each
 * record implies (for reconcile and the soak's consistency check). Item keys are {@link keyId}s; intent items
 * are bookkeeping and not listed.
 */
export function storedItemsByArticle(items: readonly TableItem[]): StoredItems[] {
  const byArticle = new Map<string, { record?: TableItem; sortKeys: string[] }>();
  for (const item of items) {
    const articleId =
      articleIdOfPk(String(item.pk)) ?? (typeof item.articleId === 'string' ? item.articleId : undefined);
    if (articleId === undefined || isIntentItem(item)) continue;
    const entry = byArticle.get(articleId) ?? { sortKeys: [] };
    entry.sortKeys.push(
      isRecordItem(item) ? recordKeyId(item, item[TABLE_DESIGN.layoutAttribute]) : keyId(item),
    );
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
        wantedSortKeys: toTableItems(r).map((i) => (isRecordItem(i) ? recordKeyId(i, LAYOUT) : keyId(i))),
      },
    };
  });
}
