import { z } from 'zod';
import { REJECTION_CODES } from '../core/clean/types';
import { ProcessedDocumentError } from '../core/errors';
import type { ProcessedDocument } from '../core/record/types';

const SourceSchema = z.object({
  bucket: z.string().min(1),
  key: z.string(),
  versionId: z.string().optional(),
  eTag: z.string(),
  size: z.number().int().nonnegative(),
  sequencer: z.string().regex(/^[0-9A-Fa-f]+$/),
  eventTime: z.string().min(1),
});

/** The article part is checked where the tag stage depends on it; extra metadata fields pass through. */
const ArticleSchema = z.looseObject({
  text: z.string(),
  publishedAt: z.string().optional(),
  keywords: z.array(z.string()),
  headings: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
  wordCount: z.number().int().nonnegative(),
  contentHash: z.string(),
  format: z.enum(['text', 'html']),
  encoding: z.string(),
  removed: z.array(z.object({ text: z.string(), reason: z.string(), rule: z.string().optional() })),
});

const ProcessedDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  articleId: z.string().regex(/^[0-9a-f]{32}$/),
  source: SourceSchema,
  status: z.enum(['cleaned', 'rejected']),
  article: ArticleSchema.optional(),
  rejection: z.object({ code: z.enum(REJECTION_CODES), message: z.string() }).optional(),
  pipelineVersion: z.string(),
  cleanedAt: z.string(),
});

/**
 * Validates a processed document read from the processed bucket (the clean → tag contract).
 * @throws ProcessedDocumentError when it is not one (the tag stage's message then goes to the DLQ, with the
 * reason logged; the clean stage replaces such a document).
 */
export function parseProcessedDocument(bytes: Uint8Array): ProcessedDocument {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw new ProcessedDocumentError('Processed document is not JSON', { cause });
  }
  const parsed = ProcessedDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProcessedDocumentError(`Invalid processed document: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data as ProcessedDocument;
}
