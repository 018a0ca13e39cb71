/** Elements with no content, or whose end tag may be left out: they do not deepen the tree. */
const NON_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,30})[^>]{0,2000}?(\/?)>/g;

/** What a linear pass over the tags tells about a page before any DOM is built. */
export interface MarkupMeasure {
  /** Opening tags (elements the DOM will have), all kinds. */
  readonly elements: number;
  /** True when nesting went past the limit given (counting stopped there). */
  readonly tooDeep: boolean;
}

/**
 * Counts a page's elements and estimates how deep it nests, in one linear pass without building a tree.
 * The DOM parser slows down with the square of the depth and Readability with the number of elements, so
 * a hostile page (a hundred thousand unclosed `<div>`s) is caught here first.
 */
export function measureMarkup(markup: string, depthLimit: number): MarkupMeasure {
  let depth = 0;
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(markup); m !== null; m = TAG.exec(markup)) {
    if (m[1] === '/') {
      if (!NON_NESTING.has(m[2]!.toLowerCase())) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (NON_NESTING.has(m[2]!.toLowerCase()) || m[3] === '/') continue;
    if (++depth > depthLimit) return { elements, tooDeep: true };
  }
  return { elements, tooDeep: false };
}
