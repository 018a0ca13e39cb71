import { Readability } from '@mozilla/readability';
import type { SourceBlock } from '../document/blocks';
import type { RemovedFragment } from '../types';
import { blocksFromElement } from './blocks';
import { removeBoilerplate } from './boilerplate';
import { type DomDocument, type DomElement, type DomNode, ELEMENT_NODE, parseDocument, textOf } from './dom';
import { readJsonLdArticle } from './json-ld';
import { measureMarkup } from './markup-depth';
import { type HtmlMetadata, readHtmlMetadata } from './metadata';
import { stripCode } from './strip-code';
import { tagSoupBlocks } from './tag-soup';

/** What the HTML stage hands to the line stage. */
export interface HtmlExtraction {
  readonly blocks: readonly SourceBlock[];
  readonly metadata: HtmlMetadata;
  readonly removed: readonly RemovedFragment[];
}

/**
 * Pages with more elements than this skip Readability, whose scoring passes grow faster than the page (30,000
 * paragraphs took seconds); the page's own article element is used. News pages have a few thousand.
 */
const MAX_ELEMENTS = 15_000;
/**
 * Pages nested deeper than this skip Readability: its retries re-serialise the page, which grows with the
 * square of the depth (a thousand nested `<div>`s took seconds). News pages nest a few dozen levels.
 */
const MAX_DEPTH = 250;

/** Markup nested deeper than this gets no DOM at all (see {@link measureMarkup}). */
const MAX_MARKUP_DEPTH = 1000;

/** True when the document nests elements deeper than `limit` (iterative; stops as soon as it knows). */
function nestsDeeperThan(root: DomElement | null, limit: number): boolean {
  if (root === null) return false;
  const stack: { node: DomNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === ELEMENT_NODE) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

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
  const { markup, jsonLd, removedElements: scripts } = stripCode(html);
  const ld = readJsonLdArticle(jsonLd);
  const measure = measureMarkup(markup, MAX_MARKUP_DEPTH);
  if (measure.tooDeep) {
    return {
      blocks: tagSoupBlocks(markup),
      metadata: { keywords: [] },
      removed: [
        {
          text: `markup nested more than ${MAX_MARKUP_DEPTH} levels deep`,
          reason: 'no DOM built for this page: tags stripped instead',
          rule: 'html-tag-soup',
        },
      ],
    };
  }
  const doc = parseDocument(markup);
  const metadata = readHtmlMetadata(doc, ld);
  const furniture = removeBoilerplate(doc);
  const skipReadability = measure.elements > MAX_ELEMENTS || nestsDeeperThan(doc.documentElement, MAX_DEPTH);
  let content: DomElement | undefined;
  if (skipReadability) {
    content = articleElement(doc);
  } else {
    const fallbackLength = textOf(articleElement(doc)).length;
    content = readabilityContent(doc);
    // Readability sometimes settles on a teaser box; an article element with far more text is the better bet.
    // Readability moved nodes out of the document, so that fallback comes from a fresh parse.
    if (content === undefined || textOf(content).length * 3 < fallbackLength) {
      const fresh = parseDocument(markup);
      removeBoilerplate(fresh);
      content = articleElement(fresh);
    }
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
