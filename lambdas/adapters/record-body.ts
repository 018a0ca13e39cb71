/**
 * The record item's `body`: the record's bulky fields and the list of its lookup items, as gzip-compressed JSON.
 * Entity mentions are kept beside the entity they name (`spans`) instead of as one object each, which halves
 * their compressed size; decoding gives back the record's `entities` exactly. Pure (no SDK, no I/O).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityMention, EntitySummary } from '../core/entities/types';
import type { ArticleRecord } from '../core/record/types';

/** Record fields kept in the body. */
export const BODY_FIELDS = ['text', 'headings', 'keywords', 'entities', 'entitySummary', 'dates'] as const;

/** A mention of a summary entry: `[start, end]`, or `[start, end, text]` when its text is not the canonical name. */
type Span = readonly [number, number] | readonly [number, number, string];

/** A summary entry with the mentions of its entity. */
interface SummaryWithSpans extends EntitySummary {
  readonly spans?: readonly Span[];
}

/**
 * Compresses the body of `record` (its {@link BODY_FIELDS}, `text` only when `withText`) with the partition keys
 * of its lookup items.
 */
export function encodeBody(record: ArticleRecord, lookups: readonly string[], withText: boolean): Uint8Array {
  const body: Record<string, unknown> = {};
  if (withText && record.text !== undefined) body.text = record.text;
  body.headings = record.headings;
  body.keywords = record.keywords;
  const compact = spansOf(record.entities, record.entitySummary);
  if (compact === undefined) {
    body.entities = record.entities;
    body.entitySummary = record.entitySummary;
  } else {
    body.entitySummary = compact.summary;
    if (compact.rest.length > 0) body.entities = compact.rest;
  }
  body.dates = record.dates;
  body.lookups = lookups;
  return gzipSync(JSON.stringify(body), { level: 9 });
}

/** What a body holds: record fields (`entities` rebuilt from `spans`) and, since layout 3, the lookup keys. */
export interface DecodedBody {
  readonly fields: Record<string, unknown>;
  readonly lookups?: readonly string[];
}

/** Expands a body written by {@link encodeBody}, or by earlier layouts (plain `entities`, no `lookups`). */
export function decodeBody(bytes: Uint8Array): DecodedBody {
  const {
    lookups,
    entitySummary = [],
    entities = [],
    ...fields
  } = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown> & {
    lookups?: string[];
    entitySummary?: SummaryWithSpans[];
    entities?: EntityMention[];
  };
  const mentions: EntityMention[] = [...entities];
  const summary: EntitySummary[] = [];
  for (const { spans, ...entry } of entitySummary) {
    summary.push(entry);
    for (const [start, end, text] of spans ?? [])
      mentions.push({
        text: text ?? entry.canonical,
        type: entry.type,
        start,
        end,
        canonical: entry.canonical,
      });
  }
  if (entitySummary.some((e) => e.spans !== undefined)) mentions.sort((a, b) => a.start - b.start);
  return {
    fields: { ...fields, entities: mentions, entitySummary: summary },
    ...(lookups === undefined ? {} : { lookups }),
  };
}

/**
 * The summary with each entry's mentions as spans, and the mentions no entry names; undefined when the mentions
 * are not in text order (spans could not restore their order).
 */
function spansOf(
  entities: readonly EntityMention[],
  summary: readonly EntitySummary[],
): { summary: SummaryWithSpans[]; rest: EntityMention[] } | undefined {
  for (let i = 1; i < entities.length; i++)
    if (entities[i]!.start <= entities[i - 1]!.start) return undefined;
  const byEntry = new Map<string, Span[]>();
  const keyOf = (canonical: string, type: string) => `${type}\u0000${canonical}`;
  for (const e of summary) {
    // Two entries of one name and type could not tell their mentions apart.
    if (byEntry.has(keyOf(e.canonical, e.type))) return undefined;
    byEntry.set(keyOf(e.canonical, e.type), []);
  }
  const rest: EntityMention[] = [];
  for (const m of entities) {
    const spans = byEntry.get(keyOf(m.canonical, m.type));
    if (spans === undefined) rest.push(m);
    else spans.push(m.text === m.canonical ? [m.start, m.end] : [m.start, m.end, m.text]);
  }
  return {
    summary: summary.map((e) => {
      const spans = byEntry.get(keyOf(e.canonical, e.type)) ?? [];
      return spans.length > 0 ? { ...e, spans } : e;
    }),
    rest,
  };
}
