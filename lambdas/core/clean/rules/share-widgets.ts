import { stripDecoration } from './decoration';
import { SHARE_NETWORKS } from './social-networks';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

const SHARE_LABEL =
  /^(?:share|shares|share this|share (?:this )?(?:article|story|page|post|video)|share (?:on|via|to) [\w ]{1,20}|tweet(?: this)?|pin it|copy link|link copied|send|e-?mail|whatsapp|share or comment on this article|\d+ shares)$/i;
const FOLLOW = /^(?:follow|like|join|find) us(?: on)? [\p{L} ,&|and]{2,60}$/iu;

/** Names on share and follow buttons; a line made only of these (and separators) is a button row. */
const BUTTONS = new Set([
  ...SHARE_NETWORKS,
  'mail',
  'print',
  'share',
  'tweet',
  'messenger',
  'pocket',
  'tumblr',
  'copy',
  'link',
  'copy link',
  'sms',
  'vk',
  'weibo',
  'wechat',
  'line',
  'xing',
  'mastodon',
  'instagram',
  'youtube',
  'tiktok',
  'snapchat',
  'comments',
  'comment',
  'save',
  'gift',
]);
const NETWORKS = new Set([
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'telegram',
  'flipboard',
  'tumblr',
  'bluesky',
  'mastodon',
  'instagram',
  'youtube',
  'tiktok',
  'threads',
  'weibo',
  'wechat',
  'xing',
  'messenger',
  'email',
  'e-mail',
]);

function isButtonRow(line: string): boolean {
  const tokens = line
    .toLowerCase()
    .split(/[\s|•·/,]+/)
    .filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 16) return false;
  return tokens.every((t) => BUTTONS.has(t)) && tokens.some((t) => NETWORKS.has(t));
}

/** Share widgets and social-button rows: `Share this article`, `Facebook Twitter LinkedIn Email`, `Follow us on X`. */
export const shareWidgetsRule: LineRule = {
  id: 'share-widgets',
  reason: 'share or social-media buttons',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 120) return undefined;
    const core = stripDecoration(line);
    return SHARE_LABEL.test(core) || FOLLOW.test(core) || isButtonRow(core) ? REMOVE : undefined;
  },
};
