/**
 * The slice of the DOM the extractor uses. Declared here because the project compiles without the DOM lib:
 * linkedom's documents satisfy it at run time.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

/** An element, as far as the extractor needs one. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly id: string;
  readonly className: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

/** A parsed page. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Node types used by the walkers. */
export const ELEMENT_NODE = 1;
/** A text node. */
export const TEXT_NODE = 3;

const STARTS_WITH_HTML = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i;
const DOCUMENT_TAGS = /<\/?(?:html|head|body)\b[^>]{0,1000}>/gi;

let linkedomParse: ((html: string) => { document: unknown }) | undefined;

/** linkedom, loaded on first use: plain-text batches need no DOM and skip its start-up cost. */
function parseHTML(html: string): { document: unknown } {
  linkedomParse ??= (require('linkedom') as typeof import('linkedom')).parseHTML;
  return linkedomParse(html);
}

function wrap(fragment: string): string {
  return `<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`;
}

/**
 * Parses HTML into a DOM with linkedom: a parser only — it never runs page scripts, loads resources or
 * applies styles. Fragments are wrapped in a document so `<head>` and `<body>` always exist; markup whose
 * document elements are out of place (`<div><html>`) is re-parsed without them.
 */
export function parseDocument(html: string): DomDocument {
  const page = STARTS_WITH_HTML.test(html.slice(0, 4096)) ? html : wrap(html.replace(DOCUMENT_TAGS, ''));
  const doc = parseHTML(page).document as unknown as DomDocument;
  if (doc.documentElement !== null && doc.body !== null) return doc;
  return parseHTML(wrap(html.replace(DOCUMENT_TAGS, ''))).document as unknown as DomDocument;
}

/** Text of an element with whitespace collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text of an element with a space between the texts of different nodes (`Home Markets`, not `HomeMarkets`).
 * Iterative: a hostile page can nest elements deeper than the call stack.
 */
export function spacedTextOf(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      parts.push(n.textContent ?? '');
      continue;
    }
    const children = n.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
