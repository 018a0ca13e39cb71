import { stripDecoration } from './decoration';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

/** A consent banner's own voice: the site speaking about its cookies. */
const NOTICES: readonly RegExp[] = [
  /^(?:we|this (?:web)?site|our (?:web)?site|this page|our partners and we|we and our partners) (?:use|uses|are using|may use) cookies\b/i,
  /^by (?:continuing|using|clicking|browsing|accepting)\b.{0,120}\b(?:you (?:agree|accept|consent)\b.{0,80}\bcookies|cookies)\b/i,
  /^(?:this|our) (?:web)?site (?:uses|stores) (?:cookies|data such as cookies)\b/i,
  /^(?:manage|change|update|review) (?:your )?(?:cookie|privacy|consent) (?:settings|preferences|choices)\b/i,
  /^(?:cookie|privacy) (?:policy|settings|preferences|consent|notice|statement)$/i,
];
/** Every notice talks about one of these; lines without them skip the patterns below. */
const TOPIC = /cookie|consent|privacy|preferences/i;
const BUTTONS =
  /^(?:accept(?: all)?(?: cookies)?|accept & close|reject(?: all)?(?: cookies)?|decline(?: all)?|allow (?:all )?cookies|allow all|i (?:agree|accept|understand)|agree(?: and close)?|got it|ok(?:ay)?,? got it|customi[sz]e|more options|necessary cookies only|manage (?:cookies|preferences|settings|options|choices|consent))$/i;

/**
 * Cookie and consent banners: `We use cookies to improve your experience…`, `Accept all`, `Cookie settings`.
 * Only the site's first-person notice and button labels match; a sentence reporting on cookies stays.
 */
export const cookieNoticeRule: LineRule = {
  id: 'cookie-notice',
  reason: 'cookie or consent notice',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 500) return undefined;
    const core = stripDecoration(line);
    if (core.length <= 40 && BUTTONS.test(core)) return REMOVE;
    if (!TOPIC.test(core)) return undefined;
    for (const re of NOTICES) if (re.test(core)) return REMOVE;
    return undefined;
  },
};
