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

  // Iterative walk (a hostile page can nest deeper than the call stack): an element is visited on the way
  // in and, when it is a block, once more on the way out.
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer += preDepth > 0 ? text : text.replace(/[\n\r\t]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as DomElement;
    const tag = el.localName;
    if (exit) {
      if (tag === 'pre') preDepth--;
      flush(HEADING.test(tag));
      continue;
    }
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (tag === 'figcaption') {
      const text = textOf(el);
      if (text.length > 0) removed.push({ text, reason: 'figure caption', rule: 'html-caption' });
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush(false);
      stack.push({ node, exit: true });
    }
    if (tag === 'pre') {
      preDepth++;
      if (!block) stack.push({ node, exit: true });
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush(false);
  return { blocks, removed };
}
