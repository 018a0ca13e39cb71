import { addDays, formatDay, parseReferenceDate, weekday } from './reference-date';
import type { DateContext, DateSpan, DateTagger } from './types';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Baseline date tagger used until the rule engine lands: weekdays (most recent, publication day included),
 * `Month D, YYYY` dates and four-digit years. It exists so the pipeline's contracts can be exercised.
 */
export function createBaselineDateTagger(): DateTagger {
  const pattern = new RegExp(
    `\\b(?:(${WEEKDAYS.join('|')})|(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})|((?:19|20)\\d{2}))\\b`,
    'gi',
  );
  return {
    version: 'baseline-0',
    tag(text: string, context: DateContext): DateSpan[] {
      const ref = parseReferenceDate(context.referenceDate);
      const out: DateSpan[] = [];
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        let value: string;
        let rule: string;
        if (m[1]) {
          const target = WEEKDAYS.indexOf(m[1].toLowerCase());
          value = formatDay(addDays(ref, -((weekday(ref) - target + 7) % 7)));
          rule = 'baseline-weekday';
        } else if (m[2]) {
          const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
          value = `${m[4]}-${String(month).padStart(2, '0')}-${String(Number(m[3])).padStart(2, '0')}`;
          rule = 'baseline-month-day-year';
        } else {
          value = m[5] ?? '';
          rule = 'baseline-year';
        }
        out.push({ text: m[0], type: 'DATE', value, start, end, rule });
      }
      return out;
    },
  };
}
