import { ANY_ZONE, type LineRule, REMOVE } from './types';

const NOTICES: readonly RegExp[] = [
  /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))/i,
  /\ball rights reserved\.?$/i,
  /^(?:this|the) (?:material|content|article|story)(?: \S+){0,3} may not be (?:published|reproduced|redistributed|rewritten|broadcast|copied)\b.*\b(?:redistributed|rewritten|without (?:the )?(?:prior |express )?(?:written )?permission)/i,
  /^(?:reproduction|republication|redistribution|copying)(?: (?:of|in) .{0,60})? (?:is )?(?:strictly )?(?:prohibited|forbidden|not permitted)/i,
  /^no part of this (?:publication|article|material|website|content) may be (?:reproduced|republished|copied)/i,
];

/**
 * Copyright and reproduction notices: `© 2019 Reuters`, `Copyright 2019 The Associated Press. All rights
 * reserved.`, `This material may not be published, broadcast, rewritten or redistributed.`
 */
export const copyrightNoticeRule: LineRule = {
  id: 'copyright-notice',
  reason: 'copyright or reproduction notice',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 300) return undefined;
    for (const re of NOTICES) if (re.test(line)) return REMOVE;
    return undefined;
  },
};
