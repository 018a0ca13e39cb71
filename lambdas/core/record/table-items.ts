import { normalizeSequencer } from './sequencer';
import {
  articlePk,
  entityPk,
  lookupSk,
  mentionKeysFor,
  mentionPk,
  normalizeName,
  publishedPk,
  RECORD_SK,
  recordRevision,
  TABLE_DESIGN,
} from './table-design';
import type { ArticleRecord } from './types';

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
  const day = record.publishedAt?.slice(0, 10) ?? 'unknown';
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
