/**
 * The table's key design: the single source of truth used by the CDK stack, the local runtime, the article
 * store and (later) the reader library. See docs/records.md for the access patterns each key serves.
 */
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

/** Partition key shared by all items of one article. */
export function articlePk(articleId: string): string {
  return `ARTICLE#${articleId}`;
}

/** Lookup partition for articles published on a day (`YYYY-MM-DD`, or `unknown`). */
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

/** The revision of a record: equal revisions of one sequencer are the same record, built twice. */
export function recordRevision(record: {
  readonly status: string;
  readonly contentHash?: string;
  readonly taggerVersion: string;
}): string {
  return `${record.status}:${record.contentHash ?? ''}:${record.taggerVersion}`;
}
