import { stripDecoration } from './decoration';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

const LABELS =
  "(?:related|related articles?|related stories|related content|related coverage|related news|related links?|read more|read also|also read|see also|more on this(?: story| topic)?|more from [\\p{L} ]{2,30}|recommended(?: for you| stories| reading)?|you may also like|you might also like|most read|most popular|most viewed|trending(?: now| stories)?|editor'?s picks?|top stories|latest news|more stories|more news|watch|video|listen|podcast)";
const LABEL_ALONE = new RegExp(`^${LABELS}$`, 'iu');
const TEASER = new RegExp(`^${LABELS}\\s*(?::|\\||»|›|>|-|–|—)\\s*(\\S.*)$`, 'iu');

/**
 * Cross-links to other stories: `RELATED: Seoul warns Pyongyang…`, `Read more: …`, `Most read`. The teaser
 * after the label must be a headline (short), so a paragraph that happens to start "Watch: …" is kept.
 */
export const relatedTeaserRule: LineRule = {
  id: 'related-teaser',
  reason: 'link teaser to another story',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 220) return undefined;
    const core = stripDecoration(line);
    if (LABEL_ALONE.test(core)) return REMOVE;
    const m = TEASER.exec(line);
    if (!m?.[1]) return undefined;
    // A headline is short and has at most one sentence; a paragraph after "Analysis:" has several.
    const teaser = m[1];
    if (teaser.split(' ').length > 25 || /[.!?]\s+\p{Lu}/u.test(teaser)) return undefined;
    // Teaser labels in lower case (`watch: the ...`) are more likely prose than chrome.
    return /^\p{Lu}/u.test(line) ? REMOVE : undefined;
  },
};
