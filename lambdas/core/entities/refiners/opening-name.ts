import { MONTH_WORDS } from '../../calendar/months';
import type { SentenceRange } from '../../text/sentences';
import { LABEL_COUNT, OUTSIDE } from '../labels';
import { type TransitionScores, viterbi } from '../viterbi';
import { CaseClass } from '../word-shape';
import { unpackWord } from '../word-table';

/** What the rule reads of a token: its lower-cased form, case class and packed word-table value. */
export interface OpeningWord {
  readonly lower: string;
  readonly cls: number;
  readonly rep: number;
}

/** News capitalises the word in at least 90% of its mid-sentence uses (the two top buckets of word-table.ts). */
const ALWAYS_CAPITALISED = 6;

/** Capitalised words that are no names in CoNLL-2003: months and weekdays. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_WORDS,
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/**
 * A sentence's first word, in title case and followed by a lower-case word, that 2012–2020 news capitalises
 * in 90% or more of its mid-sentence uses, is a name: when the model left it outside every mention ("Uber
 * reported…", "Zoom said…"), the sentence is decoded again with "outside" forbidden on it, so the model picks
 * the type and the boundaries. In eng.train such openings are names 924 times in 947, and 15 of the other 23
 * are months and weekdays, left out here (the last 8: "Rice" 3, "Ord" 2, "Thais", "Magistrates", "King"). The model reads an unknown capitalised opening word as the
 * capital every sentence has; news capitalisation is what tells "Uber" from "Over".
 *
 * `words` are the document's tokens; `emissions` and `labels` are updated in place. Returns how many
 * sentences were decoded again.
 */
export function redecodeOpeningNames(
  words: readonly OpeningWord[],
  sentences: readonly SentenceRange[],
  emissions: Float32Array,
  transitions: TransitionScores,
  labels: Uint8Array,
  back: Uint8Array,
): number {
  let redecoded = 0;
  for (const s of sentences) {
    let i = s.start;
    // The first word proper: skip opening quotes and brackets, as the features do.
    while (
      i < s.end &&
      (words[i] as OpeningWord).cls === CaseClass.None &&
      (words[i] as OpeningWord).lower.length === 1
    )
      i++;
    if (i + 1 >= s.end || labels[i] !== OUTSIDE) continue;
    const w = words[i] as OpeningWord;
    if (w.cls !== CaseClass.Title || (words[i + 1] as OpeningWord).cls !== CaseClass.Lower) continue;
    if (unpackWord(w.rep).caps < ALWAYS_CAPITALISED || CALENDAR_WORDS.has(w.lower)) continue;
    emissions[i * LABEL_COUNT + OUTSIDE] = Number.NEGATIVE_INFINITY;
    viterbi(emissions, s.start * LABEL_COUNT, s.end - s.start, transitions, labels, back, s.start);
    redecoded++;
  }
  return redecoded;
}
