import type { SentenceRange } from '../../text/sentences';
import type { EntityType } from '../types';

/** A decoded mention, by token positions within its sentence's document. */
export interface DecodedMention {
  /** First and last token (inclusive). */
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
}

/**
 * A rule that rules out the type the model gave a mention, from evidence the model's window does not
 * weigh reliably. The refiner then decodes the sentence again without that type on those tokens, so the
 * model itself picks the next-best reading and its boundaries.
 */
export interface MentionVeto {
  /** Names the rule (tests and debugging). */
  readonly name: string;
  /** Whether `mention` cannot be of its type; `words` are the document's tokens. */
  vetoes(words: readonly string[], mention: DecodedMention, sentence: SentenceRange): boolean;
  /**
   * Whether the mention's last word can be in no entity at all (a title after a name), not merely not in
   * one of this type.
   */
  readonly lastWordOutside?: boolean;
}
