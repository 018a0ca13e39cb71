import { parseHTML } from 'linkedom';

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

/**
 * Parses HTML into a DOM with linkedom: a parser only — it never runs page scripts, loads resources or
 * applies styles. Fragments are wrapped in a document so `<head>` and `<body>` always exist.
 */
export function parseDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

/** Text of an element with whitespace collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
