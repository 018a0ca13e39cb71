import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  articlePk,
  entityKey,
  entityPk,
  lookupSkBetween,
  mentionKeysFor,
  mentionPk,
  mentionQueryFor,
  normalizeName,
  publishedPk,
  RECORD_SK,
  recordFromItem,
  TABLE_DESIGN,
  typedName,
  UNKNOWN_PUBLISHED_DAY,
} from '../adapters/article-table';
import { isCalendarDay } from '../core/calendar/days';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { isArticleId } from '../core/record/article-id';
import type { ArticleRecord } from '../core/record/types';
import { InvalidQueryError, TableReadError } from './errors';
import { type IndexItem, type LookupPlan, lookupQuery, type Segment } from './lookup-query';
import type {
  ArticleQuery,
  ArticleSummary,
  DayRange,
  EntityHit,
  EntityRef,
  OpenDayRange,
  PublishedArticle,
  QueryOptions,
  ReadOptions,
} from './types';

/** Settings of an {@link ArticleReader}. */
export interface ArticleReaderOptions {
  /** A document client (`DynamoDBDocumentClient.from(new DynamoDBClient({...}))`); the reader never closes it. */
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /**
   * Default of every call's `consistentRead`.
   * @default false
   */
  readonly consistentRead?: boolean;
  /**
   * Default page size of list queries (1-1000).
   * @default 50
   */
  readonly pageSize?: number;
}

/** The longest day range {@link ArticleReader.listPublished} accepts: it runs one query per day. */
export const MAX_PUBLISHED_RANGE_DAYS = 3660;

const DAY_MS = 86_400_000;

/**
 * Typed, read-only access to the article table for Node services. Every list query reads lookup partitions or
 * the `lookup` index only (never a scan), newest first, lazily: nothing is read until the result is iterated.
 *
 * @example
 * const reader = new ArticleReader({ client: DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName });
 * for await (const hit of reader.findByEntity({ name: 'Kim Jong Un', type: 'PERSON' })) console.log(hit.title);
 */
export class ArticleReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly consistentRead: boolean;
  private readonly pageSize: number;

  public constructor(options: ArticleReaderOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.consistentRead = options.consistentRead ?? false;
    this.pageSize = checkPageSize(options.pageSize ?? 50);
  }

  /** The record of one article (one GetItem), or undefined when there is none. */
  public async getArticle(articleId: string, options: ReadOptions = {}): Promise<ArticleRecord | undefined> {
    if (!isArticleId(articleId))
      throw new InvalidQueryError(`Not an article id: ${JSON.stringify(articleId)}`);
    try {
      const out = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [TABLE_DESIGN.partitionKey]: articlePk(articleId), [TABLE_DESIGN.sortKey]: RECORD_SK },
          ConsistentRead: options.consistentRead ?? this.consistentRead,
        }),
      );
      return out.Item === undefined ? undefined : recordFromItem(out.Item);
    } catch (error) {
      throw new TableReadError(`Cannot read article ${articleId} from ${this.tableName}`, { cause: error });
    }
  }

  /**
   * Articles published on the days `from`..`to` (inclusive), newest first: one index query per day, run
   * lazily from `to` backwards. Articles without a publication date are not listed.
   */
  public listPublished(range: DayRange, options: QueryOptions = {}): ArticleQuery<PublishedArticle> {
    const from = checkDay(range.from, 'from');
    const to = checkDay(range.to, 'to');
    const days = daysDescending(from, to);
    const plan: LookupPlan<PublishedArticle> = {
      identity: `published|${from}|${to}`,
      onIndex: true,
      segments: days.map((day) => ({
        keyCondition: `${INDEX_KEYS.pk} = :pk`,
        values: { ':pk': publishedPk(day) },
      })),
      toHit: (items) => ({
        ...summaryOf(items[0]!, INDEX_KEYS.sk),
        status: items[0]!.status as PublishedArticle['status'],
      }),
      stillMatches: (r) => r.publishedAt !== undefined && within(r.publishedAt.slice(0, 10), { from, to }),
    };
    return lookupQuery(plan, this.context(options));
  }

  /**
   * Articles without a publication date (the index partition `publishedPk(UNKNOWN_PUBLISHED_DAY)`), newest
   * upload first (one index query); `range` bounds their reference (upload) days.
   */
  public listUndated(range: OpenDayRange = {}, options: QueryOptions = {}): ArticleQuery<PublishedArticle> {
    const days = checkOpenRange(range);
    const plan: LookupPlan<PublishedArticle> = {
      identity: `undated|${days.from ?? ''}|${days.to ?? ''}`,
      onIndex: true,
      segments: [rangeSegment(publishedPk(UNKNOWN_PUBLISHED_DAY), days, INDEX_KEYS)],
      toHit: (items) => ({
        ...summaryOf(items[0]!, INDEX_KEYS.sk),
        status: items[0]!.status as PublishedArticle['status'],
      }),
      stillMatches: (r) => r.publishedAt === undefined && within(sortDayOf(r), days),
    };
    return lookupQuery(plan, this.context(options));
  }

  /**
   * Articles mentioning an entity, newest first (one query of the entity's lookup partition). `name` is matched
   * case- and space-insensitively against canonical names; `type` keeps articles that give that name that type;
   * `related` also finds the entity's other names (a country's alternative names and demonym: "United States"
   * finds articles that only say "U.S." or "American"; see `entityKey`). Both are filters on the partition, which
   * holds the entity's every name. `range` bounds the articles' publication days (upload day when unknown) with a
   * key condition.
   */
  public findByEntity(
    entity: EntityRef,
    range: OpenDayRange = {},
    options: QueryOptions = {},
  ): ArticleQuery<EntityHit> {
    const name = normalizeName(entity.name);
    if (name.length === 0) throw new InvalidQueryError('The entity name is empty');
    const type = entity.type === undefined ? undefined : checkEntityType(entity.type);
    const related = entity.related === true;
    const key = entityKey(name);
    const days = checkOpenRange(range);
    const named = (canonical: string): boolean =>
      related ? entityKey(canonical) === key : normalizeName(canonical) === name;
    const plan: LookupPlan<EntityHit> = {
      identity: `entity|${name}|${type ?? ''}|${related ? 'related' : ''}|${days.from ?? ''}|${days.to ?? ''}`,
      onIndex: false,
      segments: [rangeSegment(entityPk(name), days)],
      ...entityFilter(name, type, related),
      toHit: (items) => ({
        ...summaryOf(items[0]!, TABLE_KEYS.sk),
        matches: (items[0]!.matches as { type: string; canonical: string; mentions: unknown }[])
          .filter((m) => named(String(m.canonical)) && (type === undefined || m.type === type))
          .map((m) => ({
            type: m.type as EntityType,
            canonical: String(m.canonical),
            mentions: Number(m.mentions),
          })),
      }),
      stillMatches: (r) =>
        within(sortDayOf(r), days) &&
        r.entitySummary.some((e) => named(e.canonical) && (type === undefined || e.type === type)),
    };
    return lookupQuery(plan, this.context(options));
  }

  /**
   * Articles mentioning a calendar value, newest first (one query of its year's or month's lookup partition,
   * filtered for finer values): a year (`2020`), month (`2019-12`), day (`2019-12-20`), week (`2019-W51`),
   * quarter (`2019-Q4`), half (`2019-H2`) or season (`2019-SU`). A mention is findable under every coarser grain
   * it implies (`2019-12-20` under `2019-12`).
   */
  public findByDateMention(
    value: string,
    range: OpenDayRange = {},
    options: QueryOptions = {},
  ): ArticleQuery<ArticleSummary> {
    const where = mentionQueryFor(value);
    if (where === undefined)
      throw new InvalidQueryError(
        `Not a calendar value the index holds: ${JSON.stringify(value)} (e.g. 2020, 2019-12, 2019-12-20, 2019-W51, 2019-Q4)`,
      );
    const days = checkOpenRange(range);
    const plan: LookupPlan<ArticleSummary> = {
      identity: `mention|${value}|${days.from ?? ''}|${days.to ?? ''}`,
      onIndex: false,
      segments: [rangeSegment(mentionPk(where.partition), days)],
      // A value finer than its partition (a day in a month, a week in a year) is listed in `mentioned`.
      ...(where.filter === undefined
        ? {}
        : { filter: { expression: 'contains(mentioned, :value)', values: { ':value': where.filter } } }),
      toHit: (items) => summaryOf(items[0]!, TABLE_KEYS.sk),
      stillMatches: (r) =>
        within(sortDayOf(r), days) &&
        // A truncated record dropped its date list, so it cannot contradict the index.
        (r.truncated === true ||
          r.dates.some(
            (d) => (d.type === 'DATE' || d.type === 'TIME') && mentionKeysFor(d.value).includes(value),
          )),
    };
    return lookupQuery(plan, this.context(options));
  }

  private context(options: QueryOptions) {
    return {
      client: this.client,
      tableName: this.tableName,
      pageSize: checkPageSize(options.pageSize ?? this.pageSize),
      consistentRead: options.consistentRead ?? this.consistentRead,
      ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
    };
  }
}

/** Key attribute names of lookup partitions in the table, and of the `lookup` index. */
const TABLE_KEYS = { pk: TABLE_DESIGN.partitionKey, sk: TABLE_DESIGN.sortKey } as const;
const INDEX_KEYS = {
  pk: TABLE_DESIGN.lookupIndex.partitionKey,
  sk: TABLE_DESIGN.lookupIndex.sortKey,
} as const;

/**
 * The filter of an entity query: one name (`entityNames`), one name with a type (`typedNames`), or, for `related`
 * queries, every name of the entity (no filter, or its types).
 */
function entityFilter(
  name: string,
  type: EntityType | undefined,
  related: boolean,
): Pick<LookupPlan<EntityHit>, 'filter'> {
  if (related)
    return type === undefined
      ? {}
      : { filter: { expression: 'contains(entityTypes, :type)', values: { ':type': type } } };
  return type === undefined
    ? { filter: { expression: 'contains(entityNames, :name)', values: { ':name': name } } }
    : { filter: { expression: 'contains(typedNames, :typed)', values: { ':typed': typedName(type, name) } } };
}

function summaryOf(item: IndexItem, sortKey: string): ArticleSummary {
  const articleId = String(item.articleId);
  const sk = String(item[sortKey]);
  const summary: { -readonly [K in keyof ArticleSummary]: ArticleSummary[K] } = {
    articleId,
    sortTime: sk.endsWith(`#${articleId}`) ? sk.slice(0, -articleId.length - 1) : sk,
  };
  if (typeof item.title === 'string') summary.title = item.title;
  if (typeof item.publishedAt === 'string') summary.publishedAt = item.publishedAt;
  return summary;
}

/** A key condition on one lookup partition (of the table, or of the index), bounded by days when the range says so. */
function rangeSegment(
  partition: string,
  range: OpenDayRange,
  keys: { readonly pk: string; readonly sk: string } = TABLE_KEYS,
): Segment {
  const { pk, sk } = keys;
  const base = { ':pk': partition };
  if (range.from !== undefined && range.to !== undefined) {
    const [lo, hi] = lookupSkBetween(range.from, range.to);
    return {
      keyCondition: `${pk} = :pk AND ${sk} BETWEEN :lo AND :hi`,
      values: { ...base, ':lo': lo, ':hi': hi },
    };
  }
  if (range.from !== undefined)
    return { keyCondition: `${pk} = :pk AND ${sk} >= :lo`, values: { ...base, ':lo': range.from } };
  if (range.to !== undefined) {
    const [, hi] = lookupSkBetween(range.to, range.to);
    return { keyCondition: `${pk} = :pk AND ${sk} <= :hi`, values: { ...base, ':hi': hi } };
  }
  return { keyCondition: `${pk} = :pk`, values: base };
}

/** The day the index orders a record by: its publication day, else its reference (upload) day. */
function sortDayOf(record: ArticleRecord): string {
  return (record.publishedAt ?? record.referenceDate).slice(0, 10);
}

function within(day: string, range: OpenDayRange): boolean {
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}

function checkDay(value: string, name: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new InvalidQueryError(`${name} must be a day (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  return value;
}

function checkOpenRange(range: OpenDayRange): OpenDayRange {
  const from = range.from === undefined ? undefined : checkDay(range.from, 'from');
  const to = range.to === undefined ? undefined : checkDay(range.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new InvalidQueryError(`from (${from}) is after to (${to})`);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

function daysDescending(from: string, to: string): string[] {
  if (from > to) throw new InvalidQueryError(`from (${from}) is after to (${to})`);
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  const count = (last - first) / DAY_MS + 1;
  if (count > MAX_PUBLISHED_RANGE_DAYS)
    throw new InvalidQueryError(
      `The range has ${count} days; split it (at most ${MAX_PUBLISHED_RANGE_DAYS})`,
    );
  return Array.from({ length: count }, (_, i) => new Date(last - i * DAY_MS).toISOString().slice(0, 10));
}

function checkEntityType(type: string): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(type))
    throw new InvalidQueryError(`Unknown entity type ${JSON.stringify(type)} (${ENTITY_TYPES.join(', ')})`);
  return type as EntityType;
}

function checkPageSize(size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new InvalidQueryError(`pageSize must be an integer from 1 to 1000, got ${size}`);
  return size;
}
