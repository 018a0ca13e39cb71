import { stripDecoration } from './decoration';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

const AD_LABEL = new RegExp(
  '^(?:' +
    [
      'advertisement',
      'advertisements',
      'advert',
      'ads?',
      'anzeige',
      'publicité',
      'publicidad',
      'sponsored(?: content| post| links?| stories)?',
      'paid (?:content|post|partnership)',
      'promoted(?: content| stories)?',
      '(?:story|article|text) continues (?:below|after)(?: this)?(?: advertisement| ad)?',
      'continue reading (?:the main story|below|after (?:the )?(?:advertisement|ad))',
      'scroll (?:down )?to continue(?: with content| reading)?',
      'this is an advertisement',
      'ad feedback',
      'report (?:this )?ad',
    ].join('|') +
    ')$',
  'i',
);

/**
 * Ad slots and their labels: `Advertisement`, `Story continues below advertisement`, `Sponsored content`.
 * Whole lines only: "He said the advertisement was misleading." stays.
 */
export const advertisementRule: LineRule = {
  id: 'advertisement',
  reason: 'advertisement slot or label',
  zones: ANY_ZONE,
  match(line) {
    if (line.length > 80) return undefined;
    return AD_LABEL.test(stripDecoration(line)) ? REMOVE : undefined;
  },
};
