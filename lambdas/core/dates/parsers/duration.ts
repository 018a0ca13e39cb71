import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { singularUnit } from '../lexicon/calendar-words';
import { NUMBER_SOURCE, parseNumber } from '../lexicon/numbers';

const UNIT = '(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))';
// Plural units before "-long"/"-old" ("decades-long", "years-old").
const PLURAL_UNIT = '(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)';

/** A leading whole component of a fractional duration, left out when zero ("half an hour" is `PT30M`). */
function part(whole: number, designator: string): string {
  return whole === 0 ? '' : `${whole}${designator}`;
}

/**
 * TimeML duration value of `n` units: `P2Y`, `PT3H`, `P1W`, `PXY`. Decades and centuries are written in years
 * (`P10Y`), half hours in minutes (`PT5H30M`), fortnights as two weeks.
 */
export function durationValue(n: number | 'X', unit: string): string | null {
  const u = singularUnit(unit);
  if (n === 'X') {
    const vague: Record<string, string> = {
      second: 'PTXS',
      minute: 'PTXM',
      hour: 'PTXH',
      day: 'PXD',
      night: 'PXD',
      week: 'PXW',
      fortnight: 'PXW',
      month: 'PXM',
      year: 'PXY',
      decade: 'PXDE',
      century: 'PXCE',
    };
    return vague[u] ?? null;
  }
  const whole = Math.floor(n);
  const fraction = n - whole;
  switch (u) {
    case 'second':
      return `PT${n}S`;
    case 'minute':
      return fraction === 0 ? `PT${n}M` : `PT${part(whole, 'M')}${Math.round(fraction * 60)}S`;
    case 'hour':
      return fraction === 0 ? `PT${n}H` : `PT${part(whole, 'H')}${Math.round(fraction * 60)}M`;
    case 'day':
    case 'night':
      return fraction === 0 ? `P${n}D` : `P${part(whole, 'D')}T${Math.round(fraction * 24)}H`;
    case 'week':
      return `P${n}W`;
    case 'fortnight':
      return `P${n * 2}W`;
    case 'month':
      return `P${n}M`;
    case 'year':
      return fraction === 0 ? `P${n}Y` : `P${Math.round(n * 12)}M`;
    case 'decade':
      return `P${n * 10}Y`;
    case 'century':
      return `P${n * 100}Y`;
    default:
      return null;
  }
}

/**
 * Counted durations: "two years", "the past three months", "the next 14 months", "5 1/2 hours",
 * "the first nine months", "several weeks", "two more weeks", "eight trading days".
 */
export const durationParser: Parser = {
  name: 'duration',
  keywords: ['unit'],
  reach: 60,
  pattern: new RegExp(
    `\\b(?:(?:the\\s+)?(?:(?:past|last|next|coming|first|previous|latest|following|final|remaining|initial|other|same|ensuing|preceding)\\s+)?)?(${NUMBER_SOURCE})(?:\\s+(?:more|additional|full|straight|consecutive|trading|business|working|calendar|long))?\\s+(${UNIT})s?\\b(?!-)`,
    'gi',
  ),
  extract(m, { text }) {
    const [whole, numberWord = '', unitWord = ''] = m;
    const n = parseNumber(numberWord);
    if (n === null) return null;
    const unit = singularUnit(unitWord);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 12);
    // Ages ("five years old") are not durations of anything in the story.
    if (/^\s+old\b/i.test(after)) return null;
    // "a second" is an ordinal ("a second term") far more often than a second of time.
    if (unit === 'second' && !/^\d/.test(numberWord) && n === 1) return null;
    // "some days" / "many years" stay vague, "the last day" needs a count to be a duration.
    const value = durationValue(n, unit);
    if (value === null) return null;
    const lower = whole.toLowerCase();
    // "one day" alone is often "some day in the future" rather than a 24-hour span.
    if (/^one\s+day$/.test(lower) && /^\s*,/.test(after)) return null;
    // "Islam will one day be ...": after a modal, "one day" is some time in the future, not 24 hours.
    if (
      /^one\s+day$/.test(lower) &&
      /\b(?:will|would|could|may|might|can|shall)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))
    ) {
      return candidate(this.name, m.index, m.index + whole.length, 'DATE', () => ({
        value: 'FUTURE_REF',
        anchors: false,
      }));
    }
    // A capitalised unit ("60 Minutes") is a title unless the whole phrase is a headline in capitals.
    if (isCapitalized(unitWord) && unitWord !== unitWord.toUpperCase()) return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DURATION', () => ({
      value,
      anchors: false,
    }));
  },
};

/** Hyphenated adjectives: "two-year", "16-hour", "14-day", "8-month-old" is an age and skipped, "day-long". */
export const hyphenatedDurationParser: Parser = {
  name: 'hyphenated-duration',
  keywords: ['hyphenatedUnit'],
  reach: 40,
  pattern: new RegExp(
    `\\b(?:(${NUMBER_SOURCE})-)?(${UNIT}|${PLURAL_UNIT})-(long|old)\\b|\\b(${NUMBER_SOURCE})-(${UNIT})\\b(?!-)`,
    'gi',
  ),
  extract(m) {
    const [whole, leadNumber, leadUnit, suffix, number, unit] = m;
    // "a 34-year-old man" is an age; "a years-old slump" or "decades-long battle" has lasted that long.
    const plural = leadUnit !== undefined && leadNumber === undefined && /s$/i.test(leadUnit);
    if (plural) {
      const vague = durationValue('X', leadUnit);
      if (vague === null) return null;
      return candidate(this.name, m.index, m.index + whole.length, 'DURATION', () => ({
        value: vague,
        anchors: false,
      }));
    }
    if (suffix?.toLowerCase() === 'old') return null;
    const raw = leadUnit !== undefined ? (leadNumber ?? 'one') : (number ?? '');
    const n = parseNumber(raw);
    if (n === null || n === 'X') return null;
    const value = durationValue(n, leadUnit ?? unit ?? '');
    if (value === null) return null;
    return candidate(this.name, m.index, m.index + whole.length, 'DURATION', () => ({
      value,
      anchors: false,
    }));
  },
};

const VAGUE_PLURAL_CONTEXT =
  /\b(?:for|over|within|in|after|than|of|recent|coming|past|next|few|several|many|the)\s+$/i;

/**
 * Plural units as vague durations: "for years", "in recent weeks", "coming months", "the past few weeks".
 */
export const vagueDurationParser: Parser = {
  name: 'vague-duration',
  keywords: ['pluralUnit'],
  reach: 60,
  pattern:
    /\b(?:the\s+)?(?:(recent|coming|past|next|last|previous|ensuing|following)\s+)?(?:(few|several|many)\s+)?(years|months|weeks|days|decades|centuries|hours|minutes)\b(?!-)/gi,
  extract(m, { text }) {
    const [whole, qualifier, quantity, unitWord = ''] = m;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (qualifier === undefined && quantity === undefined && !VAGUE_PLURAL_CONTEXT.test(before)) return null;
    // "those years" / "the years of": the bare plural after "the" needs a qualifier.
    if (qualifier === undefined && quantity === undefined && /\bthe\s+$/i.test(before)) return null;
    const after = text.slice(m.index + whole.length, m.index + whole.length + 8);
    if (/^\s+(?:ago|old|earlier|later|of)\b/i.test(after)) return null;
    if (isCapitalized(unitWord) && qualifier === undefined && quantity === undefined) return null;
    const value = durationValue('X', unitWord);
    if (value === null) return null;
    // "recent years" and "past years" are the vague past as a whole; recent days, weeks or months a span.
    if (quantity === undefined && /^(?:recent|past)$/i.test(qualifier ?? '') && /^years$/i.test(unitWord)) {
      return candidate(this.name, m.index, m.index + whole.length, 'DATE', () => ({
        value: 'PAST_REF',
        anchors: false,
      }));
    }
    // "in the weeks before the shooting": the article is the noun phrase's, not part of the expression.
    const bare = qualifier === undefined && quantity === undefined;
    const start = bare ? m.index + (/^the\s+/i.exec(whole)?.[0].length ?? 0) : m.index;
    return candidate(this.name, start, m.index + whole.length, 'DURATION', () => ({
      value,
      anchors: false,
    }));
  },
};

/** Ranges: "two to three weeks", "the next 12 to 18 months". The value is the lower bound (an at-least reading). */
export const rangeDurationParser: Parser = {
  name: 'range-duration',
  keywords: ['unit'],
  reach: 60,
  pattern: new RegExp(
    `\\b(?:the\\s+(?:next|past|last|coming|first)\\s+)?(${NUMBER_SOURCE})\\s*(?:to|or|-)\\s*(${NUMBER_SOURCE})\\s+(${UNIT})s?\\b(?!-)`,
    'gi',
  ),
  extract(m) {
    const [whole, lowWord = '', highWord = '', unitWord = ''] = m;
    const low = parseNumber(lowWord);
    const high = parseNumber(highWord);
    if (typeof low !== 'number' || typeof high !== 'number' || low >= high) return null;
    const value = durationValue(low, unitWord);
    if (value === null) return null;
    return candidate(
      this.name,
      m.index,
      m.index + whole.length,
      'DURATION',
      () => ({ value, anchors: false }),
      {
        mod: 'EQUAL_OR_MORE',
      },
    );
  },
};

/** "for a while", "for some time": open-ended spans of unknown length. */
export const indefiniteDurationParser: Parser = {
  name: 'indefinite-duration',
  keywords: ['indefinite'],
  reach: 30,
  pattern: /\bfor\s+(a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time|quite\s+some\s+time)\b/gi,
  extract(m) {
    const phrase = m[1] ?? '';
    const start = m.index + m[0].length - phrase.length;
    return candidate(this.name, start, start + phrase.length, 'DURATION', () => ({
      value: 'PXX',
      anchors: false,
    }));
  },
};
