import { parseDirection, resolveWeekday } from '../anchoring/direction';
import { dayPoint, formatPoint } from '../calendar/point';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { PART_OF_DAY_SOURCE, parseWeekday, WEEKDAY_SOURCE } from '../lexicon/calendar-words';

const CLOCK = String.raw`(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{3}\s+)?|noon\s+|midnight\s+)?(?:on\s+)?$`;
// A deadline or an earliest date still lies ahead when reported, even in a past-tense sentence ("postponed until").
// Lower case only: a sentence opening "Until Thursday, ..." looks back on how things stood.
const DEADLINE_BEFORE = new RegExp(
  String.raw`\b(?:until|till|as\s+early\s+as|as\s+soon\s+as|no\s+later\s+than)\s+` + CLOCK,
);
// "by Tuesday", "starting Monday": ahead unless the sentence is in the past tense.
const SCHEDULE_BEFORE = new RegExp(String.raw`\b(?:by|before|starting|beginning)\s+` + CLOCK, 'i');

const NAMED_DAY_BEFORE =
  /\b(?:Black|Blue|Cyber|Super|Bloody|Holy|Palm|Ash|Shrove|Maundy|Easter|Whit|Mad|Manic|Giving|Small Business)\s+$/;

/**
 * "Friday", "last Wednesday", "next Monday", "Sunday night". The day is the most recent one unless a direction
 * word or the sentence's future tense says otherwise. A part of day stays in the span but not in the value
 * ("Friday morning" → 2000-01-28): timeml-dev's annotators left it out of 10 of the 21 weekday-plus-part values
 * (and out of the span 5 more times, "[Friday] night"), wrote TNI or TEV for "night" 4 times each, and agreed
 * with TMO/TNI/TEV as this parser wrote them 8 times; the day is also the grain the record's lookup uses.
 */
export const weekdayParser: Parser = {
  name: 'weekday',
  keywords: ['weekday'],
  reach: 20,
  pattern: new RegExp(
    `\\b(?:(last|next|this|past|coming)\\s+)?(${WEEKDAY_SOURCE})(?:\\s+(${PART_OF_DAY_SOURCE}))?\\b(?!-)`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, dirWord, dayWord = '', part] = m;
    if (!isCapitalized(dayWord)) return null;
    const lead = text.slice(Math.max(0, m.index - 30), m.index);
    // "Black Monday", "Super Tuesday", "Bloody Sunday": a named event, not a day of this week.
    if (dirWord === undefined && NAMED_DAY_BEFORE.test(lead)) return null;
    const deadline = DEADLINE_BEFORE.test(lead);
    const scheduled = SCHEDULE_BEFORE.test(lead);
    // "Wednesday's ruling" names something that already happened, whatever the sentence plans.
    const possessive =
      part === undefined && /^'s\b/.test(text.slice(m.index + whole.length, m.index + whole.length + 3));
    const dow = parseWeekday(dayWord);
    const direction = parseDirection(dirWord);
    return candidate(
      this.name,
      m.index,
      m.index + whole.length,
      // News annotation types a named day with a part of day as a DATE (24 of 26 in timeml-dev).
      'DATE',
      (env) => {
        // "until Tuesday", "as early as Tuesday": a deadline or a plan lies ahead unless the sentence is past.
        const tense = possessive
          ? 'past'
          : deadline || (scheduled && env.tense !== 'past')
            ? 'future'
            : env.tense;
        const point = dayPoint(resolveWeekday(env.reference, dow, direction, tense));
        return { value: formatPoint(point), point };
      },
    );
  },
};
