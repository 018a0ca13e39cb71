import { dayPoint, formatPoint } from '../calendar/point';
import { candidate, isTitle } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { PART_OF_DAY, PART_OF_DAY_SOURCE } from '../lexicon/calendar-words';
import { addDays } from '../reference-date';

const OFFSETS: Readonly<Record<string, number>> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'the day before yesterday': -2,
  'the day after tomorrow': 2,
  this: 0,
  last: -1,
};

/**
 * Days named relative to publication: "today", "yesterday", "tomorrow", "tonight", "this morning",
 * "yesterday afternoon", "last night".
 */
export const deicticDayParser: Parser = {
  name: 'deictic-day',
  keywords: ['deictic', 'partOfDay'],
  reach: 30,
  pattern: new RegExp(
    `\\b(?:(today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow)(?:\\s+(${PART_OF_DAY_SOURCE}))?|(this)\\s+(${PART_OF_DAY_SOURCE})|(last)\\s+(night|evening))\\b`,
    'gi',
  ),
  extract(m, { text }) {
    // "VOA Today": a capitalised day word inside a name is a programme title.
    if (isTitle(m[0], m.index, text)) return null;
    // NBC's “Today” show, the song "Tomorrow": a capitalised day word quoted alone is a title (35 times in the first
    // 9.7M words of the unlabeled news, 28 of them NBC's “Today”).
    if (isQuotedTitle(m[0], m.index, text)) return null;
    const word = (m[1] ?? m[3] ?? m[5] ?? '').toLowerCase();
    const part = (m[2] ?? m[4] ?? m[6])?.toLowerCase();
    const offset = OFFSETS[word];
    if (offset === undefined) return null;
    const code = part !== undefined ? PART_OF_DAY[part] : word === 'tonight' ? 'NI' : undefined;
    return candidate(
      this.name,
      m.index,
      m.index + m[0].length,
      code === undefined ? 'DATE' : 'TIME',
      ({ reference }) => {
        const point = dayPoint(addDays(reference, offset));
        return { value: formatPoint(point) + (code === undefined ? '' : `T${code}`), point };
      },
    );
  },
};

const OPEN_QUOTE = /["“‘']$/;
const CLOSE_QUOTE = /^[.,!?]?["”’']/;

function isQuotedTitle(expression: string, start: number, text: string): boolean {
  const first = expression[0] ?? '';
  return (
    first !== first.toLowerCase() &&
    OPEN_QUOTE.test(text.slice(Math.max(0, start - 1), start)) &&
    CLOSE_QUOTE.test(text.slice(start + expression.length, start + expression.length + 2))
  );
}
