import { SHARE_NETWORKS } from './social-networks';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

/**
 * Labels of page furniture a plain-text scrape flattens onto one line: navigation and account bars
 * (`Menu Search Sign in`), share rails (`Share on Facebook Share on X Email`), ad and cookie buttons. Only
 * whole labels count, so a line is furniture when it is nothing but these labels and separators.
 */
const LABELS: readonly string[] = [
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'skip to search',
  'skip to the content',
  'skip to the main content',
  'jump to content',
  'jump to main content',
  'menu',
  'main menu',
  'open menu',
  'close menu',
  'toggle navigation',
  'toggle menu',
  'navigation',
  'search',
  'open search',
  'close search',
  'search site',
  'search this site',
  'close',
  'home',
  'sign in',
  'sign-in',
  'sign out',
  'sign up',
  'log in',
  'log-in',
  'log out',
  'login',
  'logout',
  'register',
  'subscribe',
  'subscribe now',
  'my account',
  'account',
  'profile',
  'my profile',
  'notifications',
  'settings',
  'newsletters',
  'newsletter',
  'get the app',
  'download the app',
  'e-edition',
  'edition',
  'advertisement',
  'sponsored',
  'accept',
  'accept all',
  'accept cookies',
  'accept all cookies',
  'reject all',
  'manage cookies',
  'cookie settings',
  'manage preferences',
  'share',
  'share this',
  'share this article',
  'share this story',
  'tweet',
  'copy link',
  'print',
  'comments',
];

// A network's name alone is a button of a share rail; after "share on" it is a share label (`Share via Email`).
const PHRASES = new Set<string>([
  ...LABELS,
  ...SHARE_NETWORKS,
  ...SHARE_NETWORKS.flatMap((n) => [`share on ${n}`, `share via ${n}`, `share to ${n}`, `share with ${n}`]),
]);
/** Longest label in words (`share on facebook`, `skip to the main content`). */
const LONGEST = Math.max(...[...PHRASES].map((p) => p.split(' ').length));
/** Bars are short; a longer line is text, whatever its words. */
const MAX_LENGTH = 100;
/** A single label is the site-chrome rule's business; a bar holds several. */
const MIN_LABELS = 2;

/** Separators between labels: `|`, `/`, bullets, dots used as bullets, commas. */
const SEPARATORS = /[|/•·,;]+/g;

/**
 * The number of labels the words split into when every word belongs to a label, else 0: the fewest labels
 * covering the line from the left (dynamic programming over at most {@link LONGEST} words per label).
 */
export function furnitureLabelCount(line: string): number {
  if (line.length > MAX_LENGTH) return 0;
  const words = line
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) return 0;
  const best = new Array<number>(words.length + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  for (let end = 1; end <= words.length; end++) {
    for (let size = 1; size <= LONGEST && size <= end; size++) {
      const before = best[end - size]!;
      if (before === Number.POSITIVE_INFINITY) continue;
      if (PHRASES.has(words.slice(end - size, end).join(' '))) best[end] = Math.min(best[end]!, before + 1);
    }
  }
  const count = best[words.length]!;
  return count === Number.POSITIVE_INFINITY ? 0 : count;
}

/** True for a line made only of furniture labels, two or more (`Menu Search Sign in`). */
export function isFurnitureBar(line: string): boolean {
  return furnitureLabelCount(line) >= MIN_LABELS;
}

/**
 * Navigation, account and search bars and share rails flattened onto one line by a plain-text scrape
 * (`Menu  Search  Sign in`, `Share on Facebook | Share on X | Email`): the line holds only furniture labels.
 */
export const furnitureBarRule: LineRule = {
  id: 'furniture-bar',
  reason: 'navigation, account or share bar',
  zones: ANY_ZONE,
  match(line) {
    return isFurnitureBar(line) ? REMOVE : undefined;
  },
};
