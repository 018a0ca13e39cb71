import { ANY_ZONE, type LineRule } from './types';

const WHOLE =
  /^(?:loading|loading content|loading comments|loading video|please wait|one moment please)\s*(?:\.{2,}|…)?$/i;
/** Only the dotted form is stripped from the front of a line: "Loading" alone could start a sentence. */
const PREFIX = /^loading(?:\.{3}|…)\s+(?=\S)/i;

/** `Loading...` placeholders of script-rendered pages, alone or glued to the first line of prose. */
export const loadingRule: LineRule = {
  id: 'loading',
  reason: 'page-loading placeholder',
  zones: ANY_ZONE,
  match(line) {
    if (WHOLE.test(line)) return { action: 'remove' };
    const m = PREFIX.exec(line);
    return m ? { action: 'trim', kept: line.slice(m[0].length), removed: m[0].trim() } : undefined;
  },
};
