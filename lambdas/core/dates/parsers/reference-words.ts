import { candidate, isTitle } from '../engine/helpers';
import type { Parser } from '../engine/rule';

const VALUES: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF',
  'right now': 'PRESENT_REF',
  'just now': 'PRESENT_REF',
  currently: 'PRESENT_REF',
  current: 'PRESENT_REF',
  presently: 'PRESENT_REF',
  'at present': 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF',
  'this time': 'PRESENT_REF',
  recently: 'PAST_REF',
  lately: 'PAST_REF',
  recent: 'PAST_REF',
  'the past': 'PAST_REF',
  'in the past': 'PAST_REF',
  'more recently': 'PAST_REF',
  'the future': 'FUTURE_REF',
  future: 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
  'the foreseeable future': 'FUTURE_REF',
  'a later date': 'FUTURE_REF',
};

/**
 * Words that refer to the present, past or future as a whole: "now", "currently", "recently", "the past",
 * "the future", "in the near future".
 */
export const referenceWordParser: Parser = {
  name: 'reference-word',
  keywords: ['reference'],
  reach: 20,
  pattern:
    /\b(right\s+now|just\s+now|now|currently|current|presently|at\s+present|nowadays|these\s+days|at\s+the\s+moment|more\s+recently|recently|lately|recent|the\s+past|the\s+(?:near\s+)?future|future|a\s+later\s+date)\b(?![-'])/gi,
  extract(m, { text }) {
    const word = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "Korea Peace Now!", "Apocalypse Now": a capitalised word closing a name is part of the name.
    if (isTitle(m[0], m.index, text)) return null;
    // "now" as a discourse marker ("Now, ...") is still present reference in TimeML; "until now" too.
    // "current" only as an attribute of a time ("current quarter" is the quarter rule's); "current account" is not.
    // "current" as an attribute ("its current difficulties") is the present; as a noun (an electric current) or
    // in accounting terms ("current account", "current assets") it is not.
    if (
      word === 'current' &&
      (!/^\s+[a-z]/.test(after) ||
        /^\s+(?:account|accounts|assets|liabilities|affairs|flows?)\b/i.test(after))
    )
      return null;
    if (
      word === 'recent' &&
      !/^\s+(?:weeks|months|days|years|times|history|past)\b/i.test(after) &&
      !/^\s*[,.]/.test(after)
    )
      return null;
    if (word === 'future' && /^\s+(?:of|for)?\s*[a-z]/i.test(after) && !/^\s+(?:of|for)\b/i.test(after))
      return null;
    // "the foreseeable future" is an open-ended span TimeML leaves untagged.
    if (word === 'future' && /\bforeseeable\s+$/i.test(text.slice(Math.max(0, m.index - 14), m.index)))
      return null;
    if (
      word === 'the past' &&
      /^\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d|year|month|week|decade|day|century)/i.test(
        after,
      )
    )
      return null;
    if (word === 'the future' && /^\s+of\b/i.test(after)) return null;
    const value = VALUES[word];
    if (value === undefined) return null;
    const start = m.index;
    return candidate(this.name, start, m.index + m[0].length, 'DATE', () => ({ value, anchors: false }));
  },
};
