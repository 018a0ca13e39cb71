import type { DateSpan, DateTagger } from '../dates/types';
import { canonicalize, summarizeEntities } from '../entities/canonicalize';
import type { EntityMention, EntitySpan, EntitySummary, EntityTagger } from '../entities/types';
import { spansToCodePoints } from '../text/offsets';
import { textSegments } from '../text/segments';

/**
 * Longest text, in UTF-16 units, the entity tagger takes at once; longer texts are tagged segment by segment
 * (see {@link textSegments}). The tagger's working memory grows with the distinct words and tokens of what it
 * is given, so this bounds it whatever the input: a 5 MiB object of distinct words would otherwise need more
 * than a gigabyte. News articles are far shorter, and are tagged whole as before.
 */
export const MAX_ENTITY_SEGMENT_CHARS = 100_000;

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

/** What the text says about itself beyond its words. */
export interface TagTextOptions {
  /** BCP 47 locale the source declared (`en-GB`): reads numeric dates the article's own dates leave open. */
  readonly locale?: string | undefined;
}

/**
 * The one tagging entry point: the tag Lambda, `newsflow tag` and `newsflow process` all call it.
 * The text is tagged as given; `referenceDate` (`YYYY-MM-DD`) anchors relative dates.
 */
export function tagText(
  text: string,
  referenceDate: string,
  taggers: Taggers,
  options: TagTextOptions = {},
): TaggedText {
  const mentions = canonicalize(tagEntities(text, taggers.entities));
  const dates = taggers.dates.tag(
    text,
    options.locale === undefined ? { referenceDate } : { referenceDate, locale: options.locale },
  );
  return {
    entities: spansToCodePoints(text, mentions),
    entitySummary: summarizeEntities(mentions),
    dates: spansToCodePoints(text, dates),
    taggerVersion: taggerVersion(taggers),
  };
}

/** Entity spans of a text, tagged in segments of at most {@link MAX_ENTITY_SEGMENT_CHARS}. */
function tagEntities(text: string, tagger: EntityTagger): EntitySpan[] {
  const segments = textSegments(text, MAX_ENTITY_SEGMENT_CHARS);
  if (segments.length === 1) return tagger.tag(text);
  const spans: EntitySpan[] = [];
  for (const segment of segments) {
    for (const s of tagger.tag(text.slice(segment.start, segment.end))) {
      spans.push({ ...s, start: s.start + segment.start, end: s.end + segment.start });
    }
  }
  return spans;
}

/** The combined version string of a pair of taggers. */
export function taggerVersion(taggers: Taggers): string {
  return `entities/${taggers.entities.version} dates/${taggers.dates.version}`;
}
