import { ENTITY_TYPES, type EntityType } from './types';

/**
 * BILOU token labels: label 0 is O; entity type t (index into ENTITY_TYPES) owns labels 1 + 4t .. 4 + 4t for
 * Begin, Inside, Last and Unit. BILOU (rather than IOB) gives the model distinct weights for entity edges,
 * which is where most boundary errors happen.
 */
export const LABEL_COUNT = 1 + 4 * ENTITY_TYPES.length;

/** Label 0: outside any entity. */
export const OUTSIDE = 0;

/** Position of a token inside an entity. */
export type LabelPart = 'B' | 'I' | 'L' | 'U';

const PARTS: readonly LabelPart[] = ['B', 'I', 'L', 'U'];

/** The label for `part` of an entity of `type`. */
export function labelOf(type: EntityType, part: LabelPart): number {
  return 1 + 4 * ENTITY_TYPES.indexOf(type) + PARTS.indexOf(part);
}

/** The entity type of a non-O label. */
export function labelType(label: number): EntityType {
  return ENTITY_TYPES[(label - 1) >> 2] as EntityType;
}

/** The BILOU part of a non-O label. */
export function labelPart(label: number): LabelPart {
  return PARTS[(label - 1) & 3] as LabelPart;
}

/** Readable name, e.g. `B-PERSON` or `O`. */
export function labelName(label: number): string {
  return label === OUTSIDE ? 'O' : `${labelPart(label)}-${labelType(label)}`;
}

/** True when a label closes (or is outside) any entity, so the next token may start afresh. */
function isClosed(label: number): boolean {
  if (label === OUTSIDE) return true;
  const part = (label - 1) & 3;
  return part === 2 || part === 3;
}

/** True when a label opens a new entity (or is outside one). */
function isOpening(label: number): boolean {
  if (label === OUTSIDE) return true;
  const part = (label - 1) & 3;
  return part === 0 || part === 3;
}

/** Whether `next` may follow `prev` in a well-formed BILOU sequence. */
export function isValidTransition(prev: number, next: number): boolean {
  if (isClosed(prev)) return isOpening(next);
  const part = (next - 1) & 3;
  return next !== OUTSIDE && (prev - 1) >> 2 === (next - 1) >> 2 && (part === 1 || part === 2);
}

/** Whether a sentence may start with `label`. */
export function isValidStart(label: number): boolean {
  return isOpening(label);
}

/** Whether a sentence may end with `label`. */
export function isValidEnd(label: number): boolean {
  return isClosed(label);
}

/** A typed token range `[start, end)` in token indices. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

/** Converts token spans of one sentence of `length` tokens to BILOU labels. */
export function spansToLabels(spans: readonly TokenSpan[], length: number): Uint8Array {
  const labels = new Uint8Array(length);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      labels[s.start] = labelOf(s.type, 'U');
      continue;
    }
    labels[s.start] = labelOf(s.type, 'B');
    for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = labelOf(s.type, 'I');
    labels[s.end - 1] = labelOf(s.type, 'L');
  }
  return labels;
}

/**
 * Reads entity spans from a label sequence. Well-formed sequences (what constrained decoding produces) map
 * one to one; a malformed one is read leniently (a stray I/L continues or starts an entity) so no label is lost.
 */
export function labelsToSpans(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? OUTSIDE;
    if (label === OUTSIDE) {
      if (open >= 0) spans.push({ start: open, end: i, type: ENTITY_TYPES[openType] as EntityType });
      open = -1;
      continue;
    }
    const type = (label - 1) >> 2;
    const part = (label - 1) & 3;
    if (open >= 0 && (type !== openType || part === 0 || part === 3)) {
      spans.push({ start: open, end: i, type: ENTITY_TYPES[openType] as EntityType });
      open = -1;
    }
    if (open < 0) {
      open = i;
      openType = type;
    }
    if (part === 2 || part === 3) {
      spans.push({ start: open, end: i + 1, type: ENTITY_TYPES[type] as EntityType });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: labels.length, type: ENTITY_TYPES[openType] as EntityType });
  return spans;
}
