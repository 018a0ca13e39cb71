import type { DateSpan, DateTagger } from '../dates/types';
import { canonicalize, summarizeEntities } from '../entities/canonicalize';
import type { EntityMention, EntitySummary, EntityTagger } from '../entities/types';
import { spansToCodePoints } from '../text/offsets';

/** The two taggers a pipeline run uses, built once per process (models load at cold start). */
export interface Taggers {
  readonly entities: EntityTagger;
  readonly dates: DateTagger;
}

/** Tags of one text. Offsets are Unicode code points into the text, end exclusive. */
export interface TaggedText {
  readonly entities: EntityMention[];
  readonly entitySummary: EntitySummary[];
  readonly dates: DateSpan[];
  /** `entities/dates` tagger versions, stored as the record's `taggerVersion`. */
  readonly taggerVersion: string;
}

/**
 * The one tagging entry point: the tag Lambda, `newsflow tag` and `newsflow process` all call it.
 * The text is tagged as given; `referenceDate` (`YYYY-MM-DD`) anchors relative dates.
 */
export function tagText(text: string, referenceDate: string, taggers: Taggers): TaggedText {
  const mentions = canonicalize(taggers.entities.tag(text));
  const dates = taggers.dates.tag(text, { referenceDate });
  return {
    entities: spansToCodePoints(text, mentions),
    entitySummary: summarizeEntities(mentions),
    dates: spansToCodePoints(text, dates),
    taggerVersion: taggerVersion(taggers),
  };
}

/** The combined version string of a pair of taggers. */
export function taggerVersion(taggers: Taggers): string {
  return `entities/${taggers.entities.version} dates/${taggers.dates.version}`;
}
