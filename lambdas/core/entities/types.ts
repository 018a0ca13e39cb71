/** The four CoNLL-2003 entity classes, under the pipeline's names. */
export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;

/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** An entity mention found by a tagger. Offsets are UTF-16 indices into the tagged text, end exclusive. */
export interface EntitySpan {
  readonly text: string;
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
}

/** A mention with the canonical name of the entity it refers to within its article. */
export interface EntityMention extends EntitySpan {
  readonly canonical: string;
}

/** One entity of an article: its canonical name, type and how often it is mentioned. */
export interface EntitySummary {
  readonly canonical: string;
  readonly type: EntityType;
  readonly mentions: number;
}

/**
 * Finds entity mentions in text. Implementations are deterministic and side-effect free; the text is tagged
 * as given (no cleaning). Returned spans are sorted by start and do not overlap.
 */
export interface EntityTagger {
  /** Identifies the tagger and its model, e.g. `perceptron-2026.11.27`; stored in every record. */
  readonly version: string;
  tag(text: string): EntitySpan[];
}
