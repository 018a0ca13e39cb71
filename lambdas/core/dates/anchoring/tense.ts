import { isAbbreviationWord } from '../../text/tokenize';
import type { Tense } from '../engine/candidate';

// Markers of reported future or intention ("would" too: reported plans are mostly still ahead at publication;
// a decision or promise "to" do something points ahead of the report). A schedule in the present ("takes effect
// Jan. 1", "is due by March 31") looks ahead: the unlabeled news writes "take(s) effect" or "go(es) into effect"
// before a month 189 times against 75 "took"/"went", and "is/are due" before one 14 times.
const FUTURE =
  "will|would|may|might|won't|'ll|shall|going to|is to|are to|plans? to|planning to|planned|scheduled|slated|set to|expected to|expects? to|intends? to|to be held|aims? to|hopes? to|due to|(?:decided|agreed|voted|promised|pledged|vowed|threatened|offered|ordered|asked|urged|invited) to|next(?!\\s+to\\b)|as soon as|as early as|no later than|upcoming|takes? effect|goes? into effect|(?:is|are) due (?:by|on|in|at|before)";
// Auxiliaries and irregular past forms; regular ones are the weaker -ed guess below.
const PAST =
  'was|were|had|did|said|told|met|made|took|came|went|began|saw|gave|fell|rose|held|left|won|lost|paid|sold|bought|ago|last|earlier|thought|brought|found|kept|spent|struck|sent|became|ran|shot|killed|announced|reported';
const PRESENT = 'is|are|has|have|says|does';

const MARKERS = new RegExp(`\\b(?:(${FUTURE})|(${PAST})|(${PRESENT})|([a-z]{3,}ed))\\b`, 'gi');
// Words ending in -ed that are rarely past-tense verbs.
const NOT_VERBS = new Set([
  'united',
  'hundred',
  'need',
  'speed',
  'red',
  'bed',
  'seed',
  'feed',
  'indeed',
  'proceed',
  'exceed',
  'succeed',
  'limited',
  'based',
  'related',
  'expected',
  'scheduled',
  'planned',
  'preferred',
  'unspecified',
  'proposed',
  'unidentified',
  'alleged',
  'armed',
  'detailed',
  'advanced',
  'combined',
  'estimated',
  'interested',
  'concerned',
  'supposed',
  'increased',
  'reduced',
  'added',
]);

/**
 * Tense of the sentence around [start, end). Explicit markers (auxiliaries, "said", "will") decide: the nearest
 * one before the expression, else the first one after it; regular -ed forms are a weaker fallback because many
 * are adjectives ("preferred shares").
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const left = text.slice(sentenceStart(text, start), start);
  // "since" points back whatever the verb: "have been searching since the Oct. 23 slaying" (timeml-dev: all 21
  // dates within three words after "since" lie before publication).
  if (SINCE_BEFORE.test(left)) return 'past';
  if (SCHEDULE_BEFORE.test(left)) return 'future';
  const right = text.slice(end, sentenceEnd(text, end));
  let strongLeft: Tense = 'unknown';
  let weakLeft: Tense = 'unknown';
  for (const m of left.matchAll(MARKERS)) {
    const [strong, weak] = classify(m, left);
    if (strong !== 'unknown') {
      strongLeft = strong;
      weakLeft = 'unknown';
    } else if (weak !== 'unknown') weakLeft = weak;
  }
  // An -ed verb after the nearest explicit marker is closer to the expression, so it is the better cue.
  if (weakLeft !== 'unknown') return weakLeft;
  if (strongLeft !== 'unknown') return strongLeft;
  let weakRight: Tense = 'unknown';
  for (const m of right.matchAll(MARKERS)) {
    const [strong, weak] = classify(m, right);
    // "On Friday, the government planned to pay": an intention reported after the date happened by then.
    if (strong === 'future' && /^planned$/i.test(m[1] ?? '')) return 'past';
    // A modal after the date ("Friday. His death may ...") speaks about what follows, not about the date.
    if (strong === 'future' && /^(?:may|might)$/i.test(m[1] ?? '')) continue;
    if (strong !== 'unknown') return strong;
    // "Clinton Thursday condemned ...": an -ed word right after the expression is the clause's verb.
    if (weak !== 'unknown' && /^\W*$/.test(right.slice(0, m.index))) return weak;
    if (weak !== 'unknown' && weakRight === 'unknown') weakRight = weak;
  }
  return weakRight;
}

// A participle after "be"/"been"/"to" is passive or infinitive, which says nothing about the time.
// "May" capitalised is a name or the month ("Theresa May said"), never the modal.
const NON_FINITE_BEFORE =
  /\b(?:[Bb]e|[Bb]een|[Bb]eing|[Tt]o|[Ww]ould|[Cc]ould|[Ss]hould|[Mm]ight|may|[Mm]ust|[Cc]an)\s+$/;

function classify(m: RegExpMatchArray, segment: string): [Tense, Tense] {
  // "May" capitalised is the month; "may have" looks back.
  if (m[1] === 'May') return ['unknown', 'unknown'];
  if (
    m[1] !== undefined &&
    /^(?:may|might)$/i.test(m[1]) &&
    /^\s+have\b/.test(segment.slice((m.index ?? 0) + m[1].length))
  )
    return ['past', 'unknown'];
  if (m[1] !== undefined) return ['future', 'unknown'];
  if (
    (m[2] !== undefined || m[4] !== undefined) &&
    NON_FINITE_BEFORE.test(segment.slice(Math.max(0, (m.index ?? 0) - 8), m.index))
  )
    return ['unknown', 'unknown'];
  if (m[2] !== undefined) return ['past', 'unknown'];
  if (m[3] !== undefined) return ['present', 'unknown'];
  if (m[4] !== undefined && !NOT_VERBS.has(m[4].toLowerCase())) return ['unknown', 'past'];
  return ['unknown', 'unknown'];
}

const SINCE_BEFORE = /\b[Ss]ince\s+(?:\S+\s+){0,3}$/;
// A schedule verb in the present right before the expression is news's future: "Early voting ends Monday",
// "the summit, which begins Thursday", "EU leaders meet on Sunday". In the unlabeled news the -s forms precede a
// weekday 105 times ("begins" 41, "starts" 23, "ends" 16, "resumes" 11, "expires" 7, "convenes" 4, "opens" 3) and
// the base forms 296 times, mostly after "to" or "will"; "speaks", "returns" and "arrive(s)" are left out (photo
// captions tell past events in the present, "tax returns on Tuesday" is a noun). "runs/lasts/continues through"
// before a weekday or a month's day: 11 present against 3 past ("ran", "lasted", "continued").
// After a form of "be" the word is an adjective ("the market is open on Friday").
const SCHEDULE_BEFORE =
  /(?<!\b(?:is|are|was|were|be|been)\s+)\b(?:begins?|starts?|ends?|resumes?|expires?|convenes?|reconvenes?|opens?|closes?|meets?|kicks?\s+off|takes?\s+office|(?:runs|lasts|continues)\s+(?:through|until|till))\s+(?:on\s+)?$/;

const WINDOW = 300;

// Character codes, compared directly: this runs for every character around every expression.
function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 33 || c === 63 || c === 59 || c === 10) return true; // ! ? ; newline
  // A period ends a sentence only before white space (not in "U.S." or "3.5"), and not after a title, an
  // initial or a short abbreviation ("Roe vs. Wade", "Gov. Smith", "James C. Kopp", "Birmingham, Ala., killed").
  return c === 46 && /\s/.test(text[i + 1] ?? ' ') && !isAbbreviation(text, i);
}

function isAbbreviation(text: string, period: number): boolean {
  let start = period;
  while (start > 0 && period - start < 6 && /[A-Za-z]/.test(text[start - 1] ?? '')) start--;
  const word = text.slice(start, period);
  // A single capital is an initial ("C. Kopp"); "U.S." ends with one too, and is followed by a lower-case word
  // three times as often as by a capital in the news sample.
  if (/^[A-Z]$/.test(word)) return true;
  // The tokenizer's abbreviations, capitalised as news writes them ("Gov.", "Calif."), and "vs.": "he said no."
  // and "and so on, etc." still end a sentence.
  if (!/^[A-Z]/.test(word) && word !== 'vs' && word !== 'v') return false;
  return isAbbreviationWord(word);
}

function sentenceStart(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0 && pos - i < WINDOW; i--) if (isBoundary(text, i)) return i + 1;
  return Math.max(0, pos - WINDOW);
}

function sentenceEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length && i - pos < WINDOW; i++) if (isBoundary(text, i)) return i;
  return Math.min(text.length, pos + WINDOW);
}
