import type { RemovedFragment } from '../types';
import { type DomDocument, type DomElement, type DomNode, spacedTextOf, TEXT_NODE, textOf } from './dom';

const DOCUMENT_NODE = 9;

/** Elements that are never article text. */
const TAGS =
  'nav, footer, aside, header, form, button, select, textarea, input, dialog, iframe, object, embed, svg, canvas, noscript, template';

/** Landmark roles and states of page furniture. */
const ROLES =
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], [role="dialog"], [role="alertdialog"], [aria-modal="true"], [hidden], [style*="display:none"], [style*="display: none"]';

/** Whole tokens of `class`/`id` values that name boilerplate widgets. */
const TOKENS = new Set([
  'ad',
  'ads',
  'adslot',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'sponsor',
  'sponsored',
  'promo',
  'promos',
  'share',
  'shares',
  'sharing',
  'social',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'paywall',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'comments',
  'comment',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'footer',
  'masthead',
  'popup',
  'modal',
  'overlay',
  'toolbar',
  'consent',
  'cookie',
  'cookies',
  'gdpr',
  'outbrain',
  'taboola',
  'tags',
  'caption',
  'figcaption',
]);

/** Substrings that mark boilerplate even inside compound names (`CybotCookiebotDialog`, `mostread`). */
const SUBSTRINGS =
  /cookie|consent|gdpr|newsletter|taboola|outbrain|paywall|mostread|most-read|most-popular|social-share|share-bar|sharebar/;

function boilerplateToken(el: DomElement): string | undefined {
  const names = `${el.id} ${el.className}`.toLowerCase();
  if (names.trim().length === 0) return undefined;
  const sub = SUBSTRINGS.exec(names);
  if (sub) return sub[0];
  for (const token of names.split(/[\s_-]+/)) if (TOKENS.has(token)) return token;
  return undefined;
}

/**
 * Keeps a removal from taking the article with it: a page whose `<form>` or `.has-ads` wrapper holds the
 * whole story must not lose it. An element holding most of the page's paragraphs is never boilerplate.
 */
function holdsTheArticle(el: DomElement, totalParagraphs: number): boolean {
  if (
    el.localName === 'body' ||
    el.localName === 'html' ||
    el.localName === 'main' ||
    el.localName === 'article'
  )
    return true;
  if (totalParagraphs < 3) return false;
  return el.querySelectorAll('p').length * 2 > totalParagraphs;
}

/** Beyond this depth a page is not worth the walk up: the element is taken as still attached. */
const MAX_DEPTH = 400;
/** Removals per page; real pages have dozens, a page with thousands of widgets is not a news page. */
const MAX_REMOVALS = 500;

/** False once an ancestor was removed: its text is already in the audit trail. */
function isAttached(el: DomElement): boolean {
  let node: DomNode | null = el;
  for (let depth = 0; node !== null && depth < MAX_DEPTH; depth++) {
    if (node.nodeType === DOCUMENT_NODE) return true;
    node = node.parentNode;
  }
  return node !== null;
}

function describe(el: DomElement, why: string): RemovedFragment {
  const text = spacedTextOf(el);
  return {
    text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    reason: `page furniture: ${why}`,
    rule: 'html-boilerplate',
  };
}

/**
 * Removes navigation, headers and footers, asides, forms, share and cookie widgets, ads and comment blocks
 * from a parsed page, before article extraction, and lists what went (with its text, for the audit trail).
 * Also reads tag lists (`.tags a`) before removing them: they are the article's keywords.
 */
export function removeBoilerplate(doc: DomDocument): { removed: RemovedFragment[]; tags: string[] } {
  const removed: RemovedFragment[] = [];
  const tags: string[] = [];
  const totalParagraphs = doc.querySelectorAll('p').length;
  let removals = 0;
  const drop = (el: DomElement, why: string): void => {
    if (removals >= MAX_REMOVALS || !isAttached(el) || holdsTheArticle(el, totalParagraphs)) return;
    removals++;
    const fragment = describe(el, why);
    if (fragment.text.length > 0) removed.push(fragment);
    el.remove();
  };
  const tagged = doc.querySelectorAll(TAGS);
  for (let i = 0; i < tagged.length; i++) drop(tagged[i]!, `<${tagged[i]!.localName}>`);
  const roles = doc.querySelectorAll(ROLES);
  for (let i = 0; i < roles.length; i++)
    drop(roles[i]!, `hidden or landmark ${roles[i]!.getAttribute('role') ?? 'element'}`);
  const named = doc.querySelectorAll('[class], [id]');
  for (let i = 0; i < named.length; i++) {
    const el = named[i]!;
    const token = boilerplateToken(el);
    if (token === undefined || !isAttached(el)) continue;
    if (token === 'tags') {
      const links = el.querySelectorAll('a');
      for (let j = 0; j < links.length && j < 30; j++) {
        const tag = textOf(links[j]);
        if (tag.length > 0 && tag.length <= 60) tags.push(tag);
      }
    }
    drop(el, `"${token}" widget`);
  }
  const times = doc.querySelectorAll('time');
  for (let i = 0; i < times.length; i++) {
    const el = times[i]!;
    if (isAttached(el) && standsAlone(el)) drop(el, 'publication or update time (read as metadata)');
  }
  return { removed, tags };
}

/** Inline elements a date is wrapped in (`<span class="date"><time>…</time></span>`). */
const INLINE = new Set(['span', 'a', 'em', 'strong', 'b', 'i', 'small', 'abbr', 'font']);

/**
 * Whether a `<time>` is page furniture rather than part of a sentence: its nearest enclosing block holds
 * no other text, or it stands between blocks (`<article><h1>…</h1><time>Dec 20</time><p>…`).
 */
function standsAlone(time: DomElement): boolean {
  const own = textOf(time).trim();
  let node: DomNode = time;
  let parent = node.parentNode as DomElement | null;
  while (parent !== null && parent.nodeType === 1 && INLINE.has(parent.localName)) {
    if (textOf(parent).trim() !== own) return false;
    node = parent;
    parent = node.parentNode as DomElement | null;
  }
  if (parent === null || parent.nodeType !== 1) return false;
  if (textOf(parent).trim() === own) return true;
  // Between blocks, not inside a run of text ("The meeting on <time>Friday</time> ended").
  const siblings = parent.childNodes;
  let at = 0;
  while (at < siblings.length && siblings[at] !== node) at++;
  const isText = (n: DomNode | undefined): boolean =>
    n !== undefined && n.nodeType === TEXT_NODE && (n.textContent ?? '').trim().length > 0;
  return !isText(siblings[at - 1]) && !isText(siblings[at + 1]);
}
