import { MONTH_SOURCE, parseMonth } from '../../calendar/months';
import { formatPoint, type Point } from '../calendar/point';
import { candidate, isCapitalized } from '../engine/helpers';
import type { Parser } from '../engine/rule';
import { parseSpelledYear, SPELLED_YEAR_SOURCE } from '../lexicon/spelled-years';

// Nouns after which a four-digit number counts things rather than naming a year ("2000 people").
const COUNTED =
  /^\s*(?:model|models|people|persons|employees|workers|jobs|shares|points|feet|foot|ft|meters|metres|miles|kilometers|kilometres|km|tons|tonnes|troops|soldiers|police|policemen|votes|cars|vehicles|units|acres|yards|calories|pounds|dollars|euros|yen|men|women|children|students|members|residents|copies|homes|houses|barrels|hectares|square|cubic|megawatts|rooms|beds|pages|words|refugees|prisoners|deaths|cases|times|years|days|hours|seats|stores|ships|planes|aircraft|flights|rounds|guns|rifles|machines|computers|runs|yards)\b/i;

// Nouns before a four-digit number that name a numbered thing ("Room 1999", "Flight 2024").
const NUMBERED =
  /\b(?:Room|Rooms|Flight|Route|Highway|Interstate|Suite|Gate|Platform|Apartment|Apt\.?|Unit|Bus|Train|Locker|Cell|Ward|Box|Lot|Pier|Terminal|Exit|Channel|Article|Section|Resolution|Bill|Rule|Model|Boeing|Airbus)\s+$/;

// Words before a year that belong to the expression ("fiscal 1989", "the year 2000", "the 1988 period").
const LEAD = /\b(?:(fiscal(?:\s+year)?|calendar\s+year|the\s+year)|the(?:\s+fiscal)?)\s+$/i;

/**
 * A four-digit year ("1993", "fiscal 1989", "the year 2000", "the 1988 period"). Numbers that count things,
 * amounts ("$1990"), parts of larger numbers ("1,990") and model names ("the 1990 model") are not years.
 */
export const yearParser: Parser = {
  name: 'year',
  keywords: ['digit'],
  reach: 0,
  pattern: /\b((?:1[6-9]|20)\d\d)(?:\s+(period|fiscal year|year))?\b(?!\s*(?:%|-\d|\.\d|,\d|\/\d|:\d))/gi,
  extract(m, { text }) {
    const [matched, yearText = '', trailer] = m;
    const end = m.index + matched.length;
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    // "31/31/2024" and "12/03/2024" that no date rule took are codes or garbled dates: their year alone is a guess;
    // so is a number after "digit-" that the year-range rule did not read ("1-800-2020", "$2007-2008").
    if (/(?:[$#£€]|\d[,./–-]|No\.\s?)$/.test(before) || /[$#£€]\s*$/.test(before)) return null;
    if (trailer === undefined && COUNTED.test(text.slice(end, end + 24))) return null;
    // "Room 1999", "Flight 2024", "Route 1960": a number naming a thing, not a year.
    if (NUMBERED.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
    // "Kopp's 1987 Chevrolet": an owner's year followed by a name is a model year.
    if (
      /'s\s+$/.test(text.slice(Math.max(0, m.index - 4), m.index)) &&
      /^\s+[A-Z]/.test(text.slice(end, end + 3))
    )
      return null;
    // Lead words are read here rather than in the regex, which would otherwise try them at every position.
    // "fiscal 1989" and "the year 2000" keep their lead; "the" alone only with a trailer ("the 1988 period").
    const lead = LEAD.exec(text.slice(Math.max(0, m.index - 24), m.index));
    const start =
      lead !== null && (lead[1] !== undefined || trailer !== undefined) ? m.index - lead[0].length : m.index;
    // "the 1988 quarter" and "the 1988 period" refer to the quarter under discussion, in that year.
    const year = Number(yearText);
    const point: Point = { grain: 'year', year };
    return candidate(this.name, start, end, 'DATE', ({ anchor }) => {
      if (trailer?.toLowerCase() === 'period' && anchor !== undefined && anchor.grain === 'quarter') {
        // A comparison period: it must not become the quarter the story is about.
        const p: Point = { grain: 'quarter', year, quarter: anchor.quarter };
        return { value: formatPoint(p), point: p, anchors: false };
      }
      return { value: formatPoint(point), point };
    });
  },
};

/**
 * A span of years written with a hyphen or dash ("in 2007-2008", "the 2012-13 school year", "circa 1979–80"):
 * one DATE per year, so both years are found. Without this rule the first year was lost (a year followed by
 * "-digit" is not a year on its own). In the first 9.7M words of the unlabeled news such spans occur 242 times
 * (138 with two four-digit years, 104 with a two-digit second year); timeml-dev has none.
 */
export const yearRangeParser: Parser = {
  name: 'year-range',
  keywords: ['digit'],
  reach: 0,
  pattern: /\b((?:1[6-9]|20)\d\d)[-–]((?:1[6-9]|20)\d\d|\d\d)\b(?![-–/.,:]?\d)/g,
  extract(m, { text }) {
    const [whole, firstText = '', secondText = ''] = m;
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (/(?:[$#£€]|\d[,./-]|No\.\s?)$/.test(before)) return null;
    const first = Number(firstText);
    let second = Number(secondText);
    // "2012-13" is 2013; "1999-00" is 2000.
    if (secondText.length === 2) {
      second += first - (first % 100);
      if (second <= first) second += 100;
    }
    if (second <= first) return null;
    const end = m.index + whole.length;
    const year = (y: number, start: number, stop: number) => {
      const point: Point = { grain: 'year', year: y };
      return candidate(this.name, start, stop, 'DATE', () => ({ value: formatPoint(point), point }));
    };
    return [year(first, m.index, m.index + 4), year(second, end - secondText.length, end)];
  },
};

/** "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven" (broadcast transcripts). */
export const spelledYearParser: Parser = {
  name: 'spelled-year',
  keywords: ['spelledNumber'],
  reach: 40,
  pattern: new RegExp(`\\b(?:(${MONTH_SOURCE})\\s+|the\\s+year\\s+)?(${SPELLED_YEAR_SOURCE})\\b`, 'gi'),
  extract(m) {
    const [whole, monthWord, yearWords = ''] = m;
    const year = parseSpelledYear(yearWords);
    if (year === null || year < 1100 || year > 2100) return null;
    const point: Point =
      monthWord !== undefined && isCapitalized(monthWord)
        ? { grain: 'month', year, month: parseMonth(monthWord) }
        : { grain: 'year', year };
    const start =
      monthWord !== undefined && point.grain === 'year' ? m.index + monthWord.length + 1 : m.index;
    return candidate(this.name, start, m.index + whole.length, 'DATE', () => ({
      value: formatPoint(point),
      point,
    }));
  },
};

const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

/**
 * Decades: "the 1990s", "1960s", "the '80s", "the nineties" (read as the 1900s' decade), valued as TimeML 1.2.1 writes
 * them: `199`. "The 1800s" names a century (`18`): in the unlabeled US news "the 1600s/1700s/1800s" (67) and "1900s"
 * (25, 20 of them "early/late/mid-1900s" beside "the late 1800s") speak of centuries, while "the 2000s" (253, 167
 * "early/mid/late") is the decade.
 */
export const decadeParser: Parser = {
  name: 'decade',
  keywords: ['digit', 'decadeWord'],
  reach: 10,
  pattern:
    /\b(?:(the)\s+)?(?:(1[5-9]|20)(\d)0'?s|'(\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi,
  extract(m, { text }) {
    const [whole, the, century, digit, shortDigit, word] = m;
    let value: string;
    if (century !== undefined) value = digit === '0' && century !== '20' ? century : `${century}${digit}`;
    else if (shortDigit !== undefined) value = `19${shortDigit}`;
    else {
      // "in her forties" is an age; only "the nineties" names a decade.
      if (the === undefined) return null;
      value = `19${DECADE_WORDS[(word ?? '').toLowerCase()] ?? 0}`;
    }
    if (
      the !== undefined &&
      /\b(?:in|of)\s+(?:his|her|their)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))
    )
      return null;
    const start = the !== undefined && century !== undefined ? m.index + the.length + 1 : m.index;
    return candidate(this.name, start, m.index + whole.length, 'DATE', () => ({ value }));
  },
};

const CENTURY_ORDINALS: Readonly<Record<string, number>> = {
  eighteenth: 18,
  '18th': 18,
  nineteenth: 19,
  '19th': 19,
  twentieth: 20,
  '20th': 20,
  'twenty-first': 21,
  '21st': 21,
};

/** "the 20th century" → `19` (TimeML writes a century as its two leading digits). */
export const centuryParser: Parser = {
  name: 'century',
  keywords: ['century'],
  reach: 40,
  pattern: /\b(?:the\s+)?(eighteenth|18th|nineteenth|19th|twentieth|20th|twenty-first|21st)\s+century\b/gi,
  extract(m) {
    const n = CENTURY_ORDINALS[(m[1] ?? '').toLowerCase()];
    if (n === undefined) return null;
    const value = String(n - 1).padStart(2, '0');
    return candidate(this.name, m.index, m.index + m[0].length, 'DATE', () => ({ value }));
  },
};
