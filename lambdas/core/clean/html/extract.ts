import { Readability } from '@mozilla/readability';
import type { SourceBlock } from '../document/blocks';
import type { RemovedFragment } from '../types';
import { blocksFromElement } from './blocks';
import { removeBoilerplate } from './boilerplate';
import { type DomDocument, type DomElement, parseDocument, textOf } from './dom';
import { readJsonLdArticle } from './json-ld';
import { type HtmlMetadata, readHtmlMetadata } from './metadata';

/** What the HTML stage hands to the line stage. */
export interface HtmlExtraction {
  readonly blocks: readonly SourceBlock[];
  readonly metadata: HtmlMetadata;
  readonly removed: readonly RemovedFragment[];
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;

/** Readability gives up on pages with more elements than this; beyond it the fallback is used. */
const MAX_ELEMENTS = 20_000;

function readabilityContent(doc: DomDocument): DomElement | undefined {
  try {
    const reader = new Readability<DomElement>(
      doc as unknown as ConstructorParameters<typeof Readability>[0],
      {
        serializer: (node) => node as unknown as DomElement,
        charThreshold: 250,
        maxElemsToParse: MAX_ELEMENTS,
        disableJSONLD: true,
      },
    );
    return reader.parse()?.content ?? undefined;
  } catch {
    // Too many elements or a DOM shape Readability cannot handle: fall back to the page's own article element.
    return undefined;
  }
}

/** The page's own idea of where the article is, for when Readability finds nothing better. */
function articleElement(doc: DomDocument): DomElement | undefined {
  return (
    doc.querySelector('article') ??
    doc.querySelector('[itemprop="articleBody"]') ??
    doc.querySelector('main') ??
    doc.body ??
    undefined
  );
}

/**
 * Extracts an article from an HTML page: metadata first (meta tags, JSON-LD, `<time>`), then page furniture
 * removed, then the main content found by Mozilla Readability (falling back to `<article>`, `<main>` or
 * `<body>`), then block structure. Scripts and styles are cut from the markup before parsing: never run,
 * and parsing is faster without them.
 */
export function extractHtml(html: string): HtmlExtraction {
  const ld = readJsonLdArticle(html);
  let scripts = 0;
  const markup = html
    .replace(SCRIPT_OR_STYLE, () => {
      scripts++;
      return '';
    })
    .replace(COMMENT, '');
  const doc = parseDocument(markup);
  const metadata = readHtmlMetadata(doc, ld);
  const furniture = removeBoilerplate(doc);
  const fallbackLength = textOf(articleElement(doc)).length;
  let content = readabilityContent(doc);
  // Readability sometimes settles on a teaser box; an article element with far more text is the better bet.
  // Readability moved nodes out of the document, so the fallback comes from a fresh parse.
  if (content === undefined || textOf(content).length * 3 < fallbackLength) {
    const fresh = parseDocument(markup);
    removeBoilerplate(fresh);
    content = articleElement(fresh);
  }
  const removed: RemovedFragment[] = [];
  if (scripts > 0)
    removed.push({
      text: `${scripts} <script>/<style> elements`,
      reason: 'page code (never executed)',
      rule: 'html-script',
    });
  removed.push(...furniture.removed);
  const extracted = content === undefined ? { blocks: [], removed: [] } : blocksFromElement(content);
  removed.push(...extracted.removed);
  let blocks = extracted.blocks;
  const first = blocks[0];
  if (first?.heading && metadata.title !== undefined && first.lines.join(' ') === metadata.title) {
    removed.push({
      text: metadata.title,
      reason: 'headline repeated above the body (kept as title)',
      rule: 'html-title',
    });
    blocks = blocks.slice(1);
  }
  const keywords = metadata.keywords.length > 0 ? metadata.keywords : furniture.tags;
  return { blocks, metadata: { ...metadata, keywords }, removed };
}
