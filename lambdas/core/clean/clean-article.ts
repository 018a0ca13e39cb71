import { collapseLine, type SourceBlock, splitIntoBlocks } from './document/blocks';
import { mergeCollected } from './document/classify';
import { type CleanedBlocks, cleanBlocks } from './document/clean-blocks';
import { extractHtml } from './html/extract';
import type { HtmlMetadata } from './html/metadata';
import { binarySignature, controlByteRatio } from './input/binary';
import { isNonTextMediaType, parseContentType } from './input/content-type';
import { decodeBytes, detectBom, sniffUtf16WithoutBom } from './input/decode';
import { isHtmlInput } from './input/html-sniff';
import { sniffMetaCharset } from './input/meta-charset';
import { normalizeText } from './input/normalize';
import { contentHash } from './metadata/content-hash';
import { identifyLanguage, languageSample } from './metadata/language';
import { firstLocale } from './metadata/locale';
import { countWords } from './metadata/word-count';
import {
  type CleanedArticle,
  type CleanOptions,
  type CleanOutcome,
  DEFAULT_MAX_BYTES,
  type RawArticle,
  type Rejection,
  type RejectionCode,
} from './types';

/** Share of control bytes above which bytes without NULs are still binary (serialised or compressed data). */
const MAX_CONTROL_RATIO = 0.02;
/**
 * Extra passes over the cleaned text when a pass changed what the rules see: joined lines they have not judged,
 * or removed lines that stood between others ("continued from the line above" between two menu labels hid a
 * menu block). Passes run until the text stops changing, so cleaning cleaned text changes nothing.
 */
const MAX_STABILISING_PASSES = 3;

function reject(code: RejectionCode, message: string): CleanOutcome {
  return { status: 'rejected', rejection: { code, message } };
}

/**
 * The rejection of an object over the size cap. Decided from the size alone, so the clean stage records it
 * without reading the object.
 */
export function tooLargeRejection(size: number, maxBytes: number): Rejection {
  return { code: 'TOO_LARGE', message: `Object is ${size} bytes; the limit is ${maxBytes}` };
}

/** Rejections decided on the bytes alone, before decoding. */
function screenBytes(raw: RawArticle, maxBytes: number): CleanOutcome | undefined {
  const { bytes } = raw;
  if (bytes.length > maxBytes)
    return { status: 'rejected', rejection: tooLargeRejection(bytes.length, maxBytes) };
  const { mediaType } = parseContentType(raw.contentType);
  if (isNonTextMediaType(mediaType)) return reject('UNSUPPORTED', `Content-Type ${mediaType} is not text`);
  if (bytes.length === 0) return reject('EMPTY', 'Object is empty');
  const signature = binarySignature(bytes);
  if (signature !== undefined) return reject('BINARY', `Object is ${signature} file, not text`);
  if (detectBom(bytes) !== undefined || sniffUtf16WithoutBom(bytes) !== undefined) return undefined;
  if (bytes.includes(0)) return reject('BINARY', 'Object contains NUL bytes: not text');
  const ratio = controlByteRatio(bytes);
  if (ratio > MAX_CONTROL_RATIO) {
    return reject('BINARY', `Object has ${(ratio * 100).toFixed(1)}% control bytes: not text`);
  }
  return undefined;
}

/** Normalises the lines of extracted HTML blocks as plain text is normalised. */
function normaliseBlocks(blocks: readonly SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const block of blocks) {
    const lines = normalizeText(block.lines.join('\n'))
      .split('\n')
      .map(collapseLine)
      .filter((l) => l.length > 0);
    if (lines.length > 0) out.push(block.heading ? { lines, heading: true } : { lines });
  }
  return out;
}

/**
 * Re-cleans the output while it still changes (only when lines were joined, or for HTML, whose blocks came
 * from markup): joined lines are text no rule has judged, and the cleaned text must be a fixed point.
 */
function stabilise(first: CleanedBlocks, always: boolean, referenceDate: string | undefined): CleanedBlocks {
  let result = first;
  for (
    let pass = 0;
    pass < MAX_STABILISING_PASSES && (always || result.joined || result.removed.length > 0);
    pass++
  ) {
    // The stamp an earlier pass removed still dates the dateline.
    const reference = result.metadata.updatedAt?.slice(0, 10) ?? referenceDate;
    const again = cleanBlocks(splitIntoBlocks(result.text), {
      detectTitle: false,
      headingTexts: new Set(result.headings.map((h) => h.text)),
      ...(reference === undefined ? {} : { referenceDate: reference }),
    });
    if (again.text === result.text) break;
    result = {
      ...again,
      ...(result.title === undefined ? {} : { title: result.title }),
      metadata: mergeCollected(result.metadata, again.metadata),
      removed: [...result.removed, ...again.removed],
    };
    always = false;
  }
  return result;
}

function uniqueKeywords(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const keyword of list) {
      const k = keyword.trim();
      if (k.length === 0 || seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

function clean(raw: RawArticle, options: CleanOptions): CleanOutcome {
  const screened = screenBytes(raw, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (screened !== undefined) return screened;
  const contentType = parseContentType(raw.contentType);
  const declared = contentType.charset ?? sniffMetaCharset(raw.bytes);
  const decoded = decodeBytes(raw.bytes, declared);
  if (!decoded.ok) return reject('UNDECODABLE', decoded.message);
  if (decoded.text.includes('\u0000'))
    return reject('BINARY', `Object decodes (${decoded.encoding}) to text with NUL characters`);
  if (decoded.text.trim().length === 0) return reject('EMPTY', 'Object holds only whitespace');

  const html = isHtmlInput(decoded.text, contentType.mediaType, raw.key);
  let blocks: SourceBlock[];
  let page: HtmlMetadata | undefined;
  const removedBefore: CleanedArticle['removed'][number][] = [];
  if (html) {
    const extraction = extractHtml(decoded.text);
    blocks = normaliseBlocks(extraction.blocks);
    page = extraction.metadata;
    removedBefore.push(...extraction.removed);
  } else {
    blocks = splitIntoBlocks(normalizeText(decoded.text));
  }
  if (blocks.length === 0)
    return reject(
      'EMPTY',
      html ? 'Page has no text outside scripts and markup' : 'Object holds only invisible characters',
    );

  const referenceDate = options.referenceDate;
  const first = cleanBlocks(blocks, {
    detectTitle: !html,
    ...(referenceDate === undefined ? {} : { referenceDate }),
  });
  const result = stabilise(first, html, referenceDate);
  const removed = [...removedBefore, ...result.removed];
  if (result.text.length === 0) {
    return reject('EMPTY', `Object has no article text: all ${removed.length} fragments were boilerplate`);
  }

  const title = page?.title ?? result.title;
  const publishedAt = page?.publishedAt ?? result.metadata.publishedAt ?? result.dateline?.date;
  const publishedAtSource =
    (page?.publishedAt ?? result.metadata.publishedAt) !== undefined ? 'metadata' : 'dateline';
  const byline = page?.byline ?? result.metadata.byline ?? result.metadata.creditedAuthors;
  const language =
    identifyLanguage(
      languageSample(result.paragraphs.filter((p) => p.kind === 'prose').map((p) => p.text)),
    ) ?? page?.language;
  // The uploader's `Content-Language` is a deliberate declaration; a page's `lang` is often its template's default.
  const locale = firstLocale(raw.contentLanguage) ?? page?.locale;
  const dateline = result.dateline?.dateline;
  const article: CleanedArticle = {
    text: result.text,
    ...(title === undefined ? {} : { title }),
    ...(publishedAt === undefined ? {} : { publishedAt, publishedAtSource }),
    ...(dateline === undefined ? {} : { dateline }),
    ...(byline === undefined ? {} : { byline }),
    keywords: uniqueKeywords([page?.keywords ?? [], result.metadata.keywords]),
    headings: result.headings,
    ...(language === undefined ? {} : { language }),
    ...(locale === undefined ? {} : { locale }),
    wordCount: countWords(result.text),
    contentHash: contentHash(result.text),
    format: html ? 'html' : 'text',
    encoding: decoded.encoding,
    removed,
  };
  return { status: 'cleaned', article };
}

/**
 * Cleans one raw object into an article with its metadata, or records why it cannot be one. Pure and
 * deterministic; never throws, whatever the bytes: an unexpected failure is recorded as `CLEAN_FAILED`.
 *
 * Pipeline: screen the bytes (size, binary signatures) → decode (BOM, UTF-8, declared charset,
 * Windows-1252) → HTML extraction or text normalisation → line rules in stages → title, subheads,
 * paragraphs, dateline → language, word count, content hash.
 */
export function cleanArticle(raw: RawArticle, options: CleanOptions = {}): CleanOutcome {
  try {
    return clean(raw, options);
  } catch (cause) {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return reject('CLEAN_FAILED', `The cleaner failed on this object: ${message}`);
  }
}
