import { parseDirection, resolveWeekday } from '../anchoring/direction';
import { dayPoint, formatPoint } from '../calendar/point';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { PART_OF_DAY, PART_OF_DAY_SOURCE, parseWeekday, WEEKDAY_SOURCE } from '../lexicon/calendar-words';

/**
 * "Friday", "last Wednesday", "next Monday", "Sunday night". The day is the most recent one unless a direction
 * word or the sentence's future tense says otherwise; a part of day makes it a TIME ("2000-01-28TMO").
 */
export const weekdayParser: Parser = {
  name: 'weekday',
  pattern: new RegExp(
    `\\b(?:(last|next|this|past|coming)\\s+)?(${WEEKDAY_SOURCE})(?:\\s+(${PART_OF_DAY_SOURCE}))?\\b(?!-)`,
    'gi',
  ),
  extract(m) {
    const [whole, dirWord, dayWord = '', part] = m;
    if (!isCapitalized(dayWord)) return null;
    const dow = parseWeekday(dayWord);
    const direction = parseDirection(dirWord);
    const code = part === undefined ? undefined : PART_OF_DAY[part.toLowerCase()];
    return candidate(
      this.name,
      m.index,
      m.index + whole.length,
      code === undefined ? 'DATE' : 'TIME',
      (env) => {
        const point = dayPoint(resolveWeekday(env.reference, dow, direction, env.tense));
        return { value: formatPoint(point) + (code === undefined ? '' : `T${code}`), point };
      },
    );
  },
};
