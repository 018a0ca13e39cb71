import { advertisementRule } from './advertisement';
import { breadcrumbRule } from './breadcrumb';
import { bylineRule } from './byline';
import { cookieNoticeRule } from './cookie-notice';
import { copyrightNoticeRule } from './copyright-notice';
import { creditsRule } from './credits';
import { dateHeaderRule } from './date-header';
import { dateLineRule } from './date-line';
import { furnitureBarRule } from './furniture-bar';
import { loadingRule } from './loading';
import { navBlockRule } from './nav-block';
import { photoCreditRule } from './photo-credit';
import { relatedTeaserRule } from './related-teaser';
import { repeatedLinesRule } from './repeated-lines';
import { shareWidgetsRule } from './share-widgets';
import { siteChromeRule } from './site-chrome';
import { subscribePromptRule } from './subscribe-prompt';
import { tagsFooterRule } from './tags-footer';
import type { LineRule } from './types';
import { updateStampRule } from './update-stamp';

/**
 * The line rules, in stages; within a stage the first rule with a verdict decides a line, and each stage runs
 * on what the previous one kept. Stage 1 holds the rules that judge a line by itself, metadata first (a date
 * or tag line is read before a residue rule could discard it). Stage 2 holds header-only rules, which need
 * to know where the prose starts once residue is gone. Stage 3 holds the document-level heuristics (repeats,
 * menu runs), judged on the text the specific patterns left.
 */
export const RULE_STAGES: readonly (readonly LineRule[])[] = [
  [
    dateHeaderRule,
    updateStampRule,
    tagsFooterRule,
    creditsRule,
    loadingRule,
    advertisementRule,
    siteChromeRule,
    shareWidgetsRule,
    furnitureBarRule,
    subscribePromptRule,
    relatedTeaserRule,
    cookieNoticeRule,
    copyrightNoticeRule,
    photoCreditRule,
    breadcrumbRule,
  ],
  [dateLineRule, bylineRule],
  [repeatedLinesRule, navBlockRule],
];

export type { Extracted, LineContext, LineRule, LineVerdict, Zone } from './types';
