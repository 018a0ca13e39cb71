import type { CleanedArticle } from '../../lambdas/core/clean/types';
import type { DateTagger } from '../../lambdas/core/dates/types';
import type { EntityTagger } from '../../lambdas/core/entities/types';
import { articleIdFor } from '../../lambdas/core/record/article-id';
import type { ProcessedDocument, SourceRef } from '../../lambdas/core/record/types';
import type { Taggers } from '../../lambdas/core/tagging/tag-text';

/** A source reference for tests. */
export function sourceRef(overrides: Partial<SourceRef> = {}): SourceRef {
  return {
    bucket: 'raw-bucket',
    key: 'raw/story.txt',
    eTag: 'etag',
    size: 100,
    sequencer: '0055AED6DCD90281E5',
    eventTime: '2019-12-21T08:00:00.000Z',
    ...overrides,
  };
}

/** A cleaned article for tests. */
export function cleanedArticle(text: string, overrides: Partial<CleanedArticle> = {}): CleanedArticle {
  return {
    text,
    keywords: [],
    headings: [],
    wordCount: text.split(/\s+/).filter(Boolean).length,
    contentHash: 'hash',
    format: 'text',
    encoding: 'utf-8',
    removed: [],
    ...overrides,
  };
}

/** A processed document holding a cleaned article. */
export function processedDocument(
  article: CleanedArticle,
  source: SourceRef = sourceRef(),
): ProcessedDocument {
  return {
    schemaVersion: 1,
    articleId: articleIdFor(source.bucket, source.key),
    source,
    status: 'cleaned',
    article,
    pipelineVersion: 'test',
    cleanedAt: '2019-12-21T08:00:01.000Z',
  };
}

/**
 * Deterministic taggers for contract tests: every listed word is an entity, every "Friday" a date valued
 * with the reference date it was given (so tests see what reference the pipeline passed).
 */
export function wordTaggers(
  entities: Record<string, 'PERSON' | 'LOCATION' | 'ORGANIZATION' | 'MISC'>,
): Taggers {
  const entityTagger: EntityTagger = {
    version: 'words-1',
    tag: (text) =>
      [...text.matchAll(/\p{L}+/gu)]
        .filter((m) => entities[m[0]] !== undefined)
        .map((m) => ({ text: m[0], type: entities[m[0]]!, start: m.index, end: m.index + m[0].length })),
  };
  const dateTagger: DateTagger = {
    version: 'friday-1',
    tag: (text, context) =>
      [...text.matchAll(/Friday/g)].map((m) => ({
        text: m[0],
        type: 'DATE' as const,
        value: context.referenceDate,
        start: m.index,
        end: m.index + m[0].length,
        rule: 'test-friday',
      })),
  };
  return { entities: entityTagger, dates: dateTagger };
}
