import { endsSentence } from '../document/shape';
import { ANY_ZONE, type LineRule, REMOVE } from './types';

/**
 * Short lines that recur — menu entries and section labels scraped once per widget. Three occurrences
 * anywhere, or two above or below the prose; a subhead or a quoted refrain is longer or rarer.
 */
export const repeatedLinesRule: LineRule = {
  id: 'repeated-lines',
  reason: 'repeated navigation line',
  zones: ANY_ZONE,
  match(line, context) {
    if (line.length > 60 || line.split(' ').length > 6 || endsSentence(line)) return undefined;
    const n = context.occurrences(line);
    return n >= 3 || (n >= 2 && context.zone !== 'body') ? REMOVE : undefined;
  },
};
