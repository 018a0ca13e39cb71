import type { Tense } from '../engine/candidate';

// Markers of reported future or intention. "would" is left out: in news it mostly reports past speech.
const FUTURE =
  "will|won't|'ll|shall|going to|is to|are to|plans? to|planning to|planned to|scheduled|set to|expected to|expects? to|intends? to|to be held|aims? to|hopes? to|due to|next";
// Auxiliaries and irregular past forms; regular ones are caught by the -ed rule below.
const PAST =
  'was|were|had|did|said|told|met|made|took|came|went|began|saw|gave|fell|rose|held|left|won|lost|paid|sold|bought|announced|ago|last';
const PRESENT = 'is|are|has|have|says|does';

const MARKERS = new RegExp(String.raw`\b(?:(${FUTURE})|(${PAST})|(${PRESENT})|([a-z]{3,}ed))\b`, 'gi');
// Words ending in -ed that are not past-tense verbs.
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
]);

/**
 * Tense of the sentence around [start, end): the nearest tense marker before the expression within its
 * sentence wins, else the first one after it.
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const left = text.slice(from, start);
  let found: Tense = 'unknown';
  for (const m of left.matchAll(MARKERS)) {
    const t = classify(m);
    if (t !== 'unknown') found = t;
  }
  if (found !== 'unknown') return found;
  for (const m of text.slice(end, to).matchAll(MARKERS)) {
    const t = classify(m);
    if (t !== 'unknown') return t;
  }
  return 'unknown';
}

function classify(m: RegExpMatchArray): Tense {
  if (m[1] !== undefined) return 'future';
  if (m[2] !== undefined) return 'past';
  if (m[3] !== undefined) return 'present';
  if (m[4] !== undefined && !NOT_VERBS.has(m[4].toLowerCase())) return 'past';
  return 'unknown';
}

const BOUNDARY = /[.!?;\n]/;

function sentenceStart(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0 && pos - i < 400; i--) {
    const c = text[i] ?? '';
    if (BOUNDARY.test(c) && (c !== '.' || /\s/.test(text[i + 1] ?? ' '))) return i + 1;
  }
  return Math.max(0, pos - 400);
}

function sentenceEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length && i - pos < 400; i++) {
    const c = text[i] ?? '';
    if (BOUNDARY.test(c) && (c !== '.' || /\s/.test(text[i + 1] ?? ' '))) return i;
  }
  return Math.min(text.length, pos + 400);
}
