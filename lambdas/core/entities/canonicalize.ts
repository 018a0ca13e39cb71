import type { EntityMention, EntitySpan, EntitySummary } from './types';

/**
 * Baseline canonicalisation: every mention is its own canonical name (whitespace collapsed).
 * The trained tagger's issue replaces this with within-article coreference of names.
 */
export function canonicalize(spans: readonly EntitySpan[]): EntityMention[] {
  return spans.map((s) => ({ ...s, canonical: s.text.replace(/\s+/g, ' ') }));
}

/** Groups mentions into entities (canonical name + type) with mention counts, most mentioned first. */
export function summarizeEntities(mentions: readonly EntityMention[]): EntitySummary[] {
  const byKey = new Map<string, { canonical: string; type: EntitySummary['type']; mentions: number }>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.canonical}`;
    const entry = byKey.get(key);
    if (entry) entry.mentions++;
    else byKey.set(key, { canonical: m.canonical, type: m.type, mentions: 1 });
  }
  return [...byKey.values()].sort(
    (a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical, 'en'),
  );
}
