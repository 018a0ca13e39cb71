import { MONTH_SOURCE, parseMonth } from '../../calendar/months';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { parseWeekday, WEEKDAY_SOURCE } from '../lexicon/calendar-words';
import { NUMBER_SOURCE, parseNumber } from '../lexicon/numbers';
import { durationValue } from './duration';

const ADVERBS: Readonly<Record<string, string>> = {
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  biweekly: 'P2W',
  monthly: 'P1M',
  quarterly: 'P1Q',
  annually: 'P1Y',
  yearly: 'P1Y',
  hourly: 'PT1H',
  semiannually: 'P6M',
};

/** Frequency adverbs: "daily", "weekly", "annually". Capitalised mid-sentence, "Daily" is a newspaper name. */
export const frequencyAdverbParser: Parser = {
  name: 'frequency-adverb',
  keywords: ['frequency'],
  reach: 0,
  pattern: /\b(daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly|semiannually)\b(?!-)/gi,
  extract(m, { text }) {
    const word = m[1] ?? '';
    if (isCapitalized(word) && !/(?:^|[.!?"'`]\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index)))
      return null;
    // "average daily volume" measures a quantity rather than naming a recurrence.
    if (/\baverage\s+$/i.test(text.slice(Math.max(0, m.index - 9), m.index))) return null;
    // "quarterly dividend", "quarterly results": as an adjective it describes reporting, not a recurrence.
    if (
      word.toLowerCase() === 'quarterly' &&
      !/^\s*(?:[.,;:)]|$)/.test(text.slice(m.index + word.length, m.index + word.length + 2))
    )
      return null;
    const value = ADVERBS[word.toLowerCase()];
    if (value === undefined) return null;
    return candidate(this.name, m.index, m.index + word.length, 'SET', () => ({ value, anchors: false }));
  },
};

/** "every day", "each year", "every two weeks", "every Sunday", "each July", "every other month". */
export const everyParser: Parser = {
  name: 'every',
  keywords: ['every'],
  reach: 0,
  pattern: new RegExp(
    `\\b(every|each)\\s+(?:(other)\\s+)?(?:(${NUMBER_SOURCE})\\s+)?(day|night|week|month|quarter|year|decade|hour|minute|morning|evening|weekend|${WEEKDAY_SOURCE}|${MONTH_SOURCE}|summer|winter|spring|fall|autumn)s?\\b`,
    'gi',
  ),
  extract(m) {
    const [whole, , other, numberWord, unitWord = ''] = m;
    const unit = unitWord.toLowerCase();
    const dow = parseWeekday(unit);
    let value: string | null;
    if (dow >= 0) value = `XXXX-WXX-${dow === 0 ? 7 : dow}`;
    else if (parseMonth(unit) > 0 && new RegExp(`^${MONTH_SOURCE}$`, 'i').test(unitWord)) {
      value = `XXXX-${String(parseMonth(unit)).padStart(2, '0')}`;
    } else if (unit === 'morning') value = 'XXXX-XX-XXTMO';
    else if (unit === 'evening') value = 'XXXX-XX-XXTEV';
    else if (unit === 'weekend') value = 'XXXX-WXX-WE';
    else if (/^(?:summer|winter|spring|fall|autumn)$/.test(unit)) {
      value = `XXXX-${{ summer: 'SU', winter: 'WI', spring: 'SP', fall: 'FA', autumn: 'FA' }[unit] ?? 'SU'}`;
    } else if (unit === 'quarter') value = 'P1Q';
    else {
      const n = numberWord === undefined ? 1 : parseNumber(numberWord);
      if (n === null) return null;
      value = durationValue(other !== undefined && n !== 'X' ? n * 2 : n, unit);
    }
    if (value === null) return null;
    const set = value;
    return candidate(
      this.name,
      m.index,
      m.index + whole.length,
      'SET',
      () => ({ value: set, anchors: false }),
      {
        freq: '1X',
      },
    );
  },
};

const TIMES: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/**
 * Rates: "twice a week", "three times a year" (SET with freq), and "a year"/"per year" after an amount
 * ("$50 million a year", "5% a year"). "$1.35 a share" is not a rate in time.
 */
export const rateParser: Parser = {
  name: 'rate',
  keywords: ['unit'],
  reach: 50,
  pattern: new RegExp(
    `\\b(?:(once|twice|thrice|(${NUMBER_SOURCE})\\s+times)\\s+)?(a|an|per|each)\\s+(day|week|month|year|hour|minute|quarter)\\b(?!-)`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, times, timesNumber, article = '', unitWord = ''] = m;
    let freq: string | undefined;
    if (times !== undefined) {
      const n = TIMES[times.toLowerCase()] ?? (timesNumber === undefined ? null : parseNumber(timesNumber));
      if (n === null || n === 'X') return null;
      freq = `${n}X`;
    } else {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      if (
        !/(?:\d|%|million|billion|trillion|cents?|dollars?|percent|barrels|tons|tonnes|units|people|hours|days|points)\s*$/i.test(
          before,
        )
      )
        return null;
      if (article.toLowerCase() === 'each') return null;
    }
    const value = durationValue(1, unitWord);
    if (value === null) return null;
    const start = times === undefined ? m.index : m.index;
    return candidate(this.name, start, m.index + whole.length, 'SET', () => ({ value, anchors: false }), {
      freq,
    });
  },
};

/** Plural weekdays as recurring days: "on Sundays" → `XXXX-WXX-7`. */
export const pluralWeekdayParser: Parser = {
  name: 'plural-weekday',
  keywords: ['weekday'],
  reach: 0,
  pattern: new RegExp(`\\b(${WEEKDAY_SOURCE})s\\b`, 'gi'),
  extract(m) {
    const word = m[1] ?? '';
    if (!isCapitalized(word)) return null;
    const dow = parseWeekday(word);
    const value = `XXXX-WXX-${dow === 0 ? 7 : dow}`;
    return candidate(this.name, m.index, m.index + m[0].length, 'SET', () => ({ value, anchors: false }));
  },
};
