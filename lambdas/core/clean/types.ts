/**
 * Why an object could not become an article. Stable codes: downstream services and alarms key on them.
 * `CLEAN_FAILED` is the cleaner's own failure on an object (a bug to alarm on), recorded instead of thrown
 * so that the batch goes on.
 */
export const REJECTION_CODES = [
  'EMPTY',
  'BINARY',
  'TOO_LARGE',
  'UNDECODABLE',
  'UNSUPPORTED',
  'CLEAN_FAILED',
] as const;

/** One of {@link REJECTION_CODES}. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** The recorded reason an object was rejected. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

/** A raw object as the clean stage sees it. */
export interface RawArticle {
  readonly bytes: Uint8Array;
  /** `Content-Type` stored with the object, when there is one. */
  readonly contentType?: string;
  /** The object key, used only as a hint (e.g. a `.html` suffix). */
  readonly key: string;
  /** `Content-Language` stored with the object (`en-GB`): the uploader's word on how the article writes dates. */
  readonly contentLanguage?: string;
}

/** Where and from whom a story was filed (`SEOUL (Reuters) –`). */
export interface Dateline {
  readonly place?: string;
  readonly agency?: string;
}

/** A section subhead kept out of the prose. Offsets are code points into the cleaned text, end exclusive. */
export interface Heading {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A line (or element) the cleaner removed, and why: the audit trail of cleaning. */
export interface RemovedFragment {
  readonly text: string;
  readonly reason: string;
  /** Id of the rule that removed it (`advertisement`, `html-boilerplate`, …): stable, for auditing and metrics. */
  readonly rule?: string;
}

/** The cleaned article and the metadata extracted while cleaning. */
export interface CleanedArticle {
  /** Cleaned text: paragraphs separated by one blank line, NFC, no control characters. */
  readonly text: string;
  readonly title?: string;
  /** ISO 8601: a date (`2019-12-20`) or a timestamp with its offset when the source gave one. */
  readonly publishedAt?: string;
  /** Where `publishedAt` was read: page or header metadata, or the dateline (`LONDON, Dec 20 (Reuters) -`). */
  readonly publishedAtSource?: 'metadata' | 'dateline';
  readonly dateline?: Dateline;
  readonly byline?: string;
  readonly keywords: readonly string[];
  readonly headings: readonly Heading[];
  /** ISO 639-1 code, when identifiable. */
  readonly language?: string;
  /**
   * BCP 47 language and region (`en-GB`) the upload's `Content-Language` or the page declares: it decides numeric
   * dates such as "03/04/2024".
   */
  readonly locale?: string;
  readonly wordCount: number;
  /** SHA-256 (hex) of `text`, for duplicate detection. */
  readonly contentHash: string;
  /** How the bytes were read: detected format and encoding. */
  readonly format: 'text' | 'html';
  readonly encoding: string;
  readonly removed: readonly RemovedFragment[];
}

/** The result of cleaning one raw object: an article, or a recorded rejection. */
export type CleanOutcome =
  | { readonly status: 'cleaned'; readonly article: CleanedArticle }
  | { readonly status: 'rejected'; readonly rejection: Rejection };

/** Options of the cleaner. */
export interface CleanOptions {
  /**
   * Objects larger than this are rejected with `TOO_LARGE`.
   * @default 5 MiB ({@link DEFAULT_MAX_BYTES})
   */
  readonly maxBytes?: number;
  /**
   * A day (`YYYY-MM-DD`, or an ISO timestamp starting with one) used only to give a year to a dateline date
   * that has none (`LONDON, Dec 20 (Reuters) -`): the latest such date on or before it. Without it such
   * dates are not used for `publishedAt`. Core never reads the clock, so the caller passes it.
   */
  readonly referenceDate?: string;
}

/** Default size cap of a raw object: 5 MiB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
