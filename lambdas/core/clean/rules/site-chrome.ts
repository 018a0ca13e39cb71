import { stripDecoration } from './decoration';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

const CHROME = new RegExp(
  '^(?:' +
    [
      'skip to (?:the )?(?:main )?(?:content|navigation|article|search)',
      'jump to (?:main )?(?:content|navigation)',
      'sign in',
      'sign out',
      'log ?in',
      'log ?out',
      'sign up',
      'register',
      'subscribe',
      'subscribe now',
      'my account',
      'account',
      'menu',
      'main menu',
      'open menu',
      'close menu',
      'close',
      'search',
      'open search',
      'toggle navigation',
      'navigation',
      'home',
      'homepage',
      'back to top',
      'go to top',
      'scroll to top',
      'print this (?:page|article|story)',
      'email this (?:page|article|story)',
      'show more',
      'load more',
      'read more',
      'see more',
      'view more',
      'next article',
      'previous article',
      'next story',
      'previous story',
      'view comments',
      'show comments',
      'comments',
      '\\d+ comments?',
      'leave a comment',
      'add a comment',
      'listen to (?:this )?(?:article|story)',
      'listen',
      '\\d+ min(?:ute)?s? read',
      'font size',
      'text size',
      'a a a',
      'aa',
      'gift (?:this )?article',
      'save (?:this )?(?:article|story)',
      'bookmark',
    ].join('|') +
    ')$',
  'i',
);

/** Site chrome scraped with the article: `Skip to main content`, `Sign in`, `Menu`, `Back to top`, `3 min read`. */
export const siteChromeRule: LineRule = {
  id: 'site-chrome',
  reason: 'site navigation or control label',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 50) return undefined;
    return CHROME.test(stripDecoration(line)) ? REMOVE : undefined;
  },
};
