import type { Configuration } from './engine/rule';
import { agoParser, yearAgoAdjectiveParser } from './parsers/ago';
import { anchoredDayParser } from './parsers/anchored-day';
import { dayOfMonthParser } from './parsers/day-of-month';
import { deicticDayParser } from './parsers/deictic-day';
import {
  durationParser,
  hyphenatedDurationParser,
  indefiniteDurationParser,
  rangeDurationParser,
  vagueDurationParser,
} from './parsers/duration';
import { dayMonthYearParser, monthDayYearParser } from './parsers/explicit-date';
import { fiscalYearParser, reportingPeriodParser } from './parsers/fiscal-year';
import { holidayParser } from './parsers/holiday';
import { isoTimestampParser } from './parsers/iso-timestamp';
import { monthNameParser, monthYearParser } from './parsers/month-name';
import { numericDateParser } from './parsers/numeric-date';
import {
  contextualQuarterParser,
  monthQuarterParser,
  quarterAbbreviationParser,
  quarterParser,
} from './parsers/quarter';
import { referenceWordParser } from './parsers/reference-words';
import {
  earlierLaterPeriodParser,
  partOfPeriodParser,
  periodEndParser,
  relativePeriodParser,
} from './parsers/relative-period';
import { seasonParser } from './parsers/season';
import { everyParser, frequencyAdverbParser, pluralWeekdayParser, rateParser } from './parsers/set';
import { timeOfDayParser } from './parsers/time-of-day';
import { weekdayParser } from './parsers/weekday';
import { centuryParser, decadeParser, spelledYearParser, yearParser, yearRangeParser } from './parsers/year';
import { dateTimeRefiner } from './refiners/date-time';
import { dayOffsetRefiner } from './refiners/day-offset';
import { modifierRefiner } from './refiners/modifier';
import { numericOrderRefiner } from './refiners/numeric-order';
import { overlapRefiner } from './refiners/overlap';

/** Version of the rule set below; bump it whenever a rule changes what is tagged. */
export const RULES_VERSION = 'rules-18';

/**
 * The English news configuration. Parser order matters only between candidates of the same length: the earlier
 * parser wins (explicit dates before relative ones, sets before durations).
 */
export function englishNewsConfiguration(): Configuration {
  return {
    parsers: [
      isoTimestampParser,
      numericDateParser,
      monthDayYearParser,
      dayMonthYearParser,
      monthYearParser,
      timeOfDayParser,
      holidayParser,
      quarterParser,
      monthQuarterParser,
      contextualQuarterParser,
      quarterAbbreviationParser,
      partOfPeriodParser,
      earlierLaterPeriodParser,
      periodEndParser,
      relativePeriodParser,
      fiscalYearParser,
      reportingPeriodParser,
      anchoredDayParser,
      dayOfMonthParser,
      agoParser,
      yearAgoAdjectiveParser,
      deicticDayParser,
      weekdayParser,
      monthNameParser,
      seasonParser,
      spelledYearParser,
      centuryParser,
      decadeParser,
      yearRangeParser,
      yearParser,
      everyParser,
      rateParser,
      frequencyAdverbParser,
      pluralWeekdayParser,
      rangeDurationParser,
      durationParser,
      hyphenatedDurationParser,
      vagueDurationParser,
      indefiniteDurationParser,
      referenceWordParser,
    ],
    refiners: [
      numericOrderRefiner,
      overlapRefiner,
      dateTimeRefiner,
      dayOffsetRefiner,
      modifierRefiner,
      overlapRefiner,
    ],
  };
}
