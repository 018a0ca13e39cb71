import type { SourceBlock } from '../document/blocks';
import type { RemovedFragment } from '../types';
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE, textOf } from './dom';

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose content is never text to keep. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'select',
  'textarea',
  'input',
  'head',
  'title',
  'img',
  'picture',
  'video',
  'audio',
  'source',
]);

const HEADING = /^h[1-6]$/;

/**
 * Turns an extracted article element into blocks: one per paragraph-level element, `<br>` starting a new line
 * inside a block, `<h1>`–`<h6>` marked as headings. Figure captions are dropped into the audit trail: they
 * describe pictures that are not kept.
 */
export function blocksFromElement(root: DomElement): { blocks: SourceBlock[]; removed: RemovedFragment[] } {
  const blocks: SourceBlock[] = [];
  const removed: RemovedFragment[] = [];
  let buffer = '';
  let preDepth = 0;

  const flush = (heading: boolean): void => {
    if (buffer.trim().length === 0) {
      buffer = '';
      return;
    }
    const lines = buffer
      .split('\n')
      .map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim())
      .filter((l) => l.length > 0);
    buffer = '';
    if (lines.length > 0) blocks.push(heading ? { lines, heading: true } : { lines });
  };

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer += preDepth > 0 ? text : text.replace(/[\n\r\t]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    if (tag === 'figcaption') {
      const text = textOf(el);
      if (text.length > 0) removed.push({ text, reason: 'figure caption', rule: 'html-caption' });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush(false);
    if (tag === 'pre') preDepth++;
    const children = el.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (tag === 'pre') preDepth--;
    if (block) flush(HEADING.test(tag));
  };

  walk(root);
  flush(false);
  return { blocks, removed };
}
