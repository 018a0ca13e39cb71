import { tenseAround } from '../anchoring/tense';
import { type Point, shift, startsAfter } from '../calendar/point';
import { type CalendarDay, parseReferenceDate } from '../reference-date';
import type { DateContext, DateSpan, DateTagger } from '../types';
import type { Candidate, ResolutionEnv, Tense } from './candidate';
import { findKeywords, keywordMask, scanNearKeywords } from './keywords';
import type { Configuration, Parser, ParsingContext } from './rule';

const DEFAULT_REACH = 100;

/**
 * Runs a configuration: every parser over the text, the refiners in order, then resolution in document order
 * so each value can lean on the date the story was last at.
 */
export function createRuleDateTagger(configuration: Configuration, version: string): DateTagger {
  const parsers = configuration.parsers.map((parser) => ({
    parser,
    mask: parser.keywords === undefined ? undefined : keywordMask(parser.keywords),
  }));
  return {
    version,
    tag(text: string, context: DateContext): DateSpan[] {
      const reference = parseReferenceDate(context.referenceDate);
      const parsing: ParsingContext =
        context.locale === undefined ? { text } : { text, locale: context.locale };
      let candidates: Candidate[] = [];
      const hits = findKeywords(text);
      let parser: Parser | undefined;
      // One callback for all parsers (not one closure per parser and text).
      const add = (m: RegExpExecArray): void => {
        const found = parser?.extract(m, parsing) ?? null;
        if (found === null) return;
        if (Array.isArray(found)) candidates.push(...found);
        else candidates.push(found as Candidate);
      };
      for (const entry of parsers) {
        parser = entry.parser;
        const mask = entry.mask;
        if (mask !== undefined) {
          scanNearKeywords(parser.pattern, text, hits, mask, parser.reach ?? DEFAULT_REACH, add);
          continue;
        }
        const pattern = parser.pattern;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
          if (m[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          add(m);
        }
      }
      for (const refiner of configuration.refiners) candidates = refiner.refine(candidates, parsing);
      return resolveInOrder(text, candidates, reference);
    },
  };
}

function resolveInOrder(
  text: string,
  candidates: readonly Candidate[],
  reference: ReturnType<typeof parseReferenceDate>,
): DateSpan[] {
  const out: DateSpan[] = [];
  let anchor: Point | undefined;
  let quarterAnchor: Point | undefined;
  for (const c of candidates) {
    let tense: Tense | undefined;
    const env: ResolutionEnv = {
      reference,
      anchor,
      quarterAnchor,
      get tense(): Tense {
        tense ??= tenseAround(text, c.start, c.end);
        return tense;
      },
    };
    const r = c.resolve(env);
    if (r === null) continue;
    if (r.point !== undefined && r.anchors !== false && r.point.grain !== 'decade') {
      anchor = r.point;
      // Results are reported for quarters that have ended (or, with fiscal years, a running one told in the past
      // tense); a forecast quarter ("losses through the third quarter of 1990") is not what comparisons refer to.
      const isQuarter = r.point.grain === 'quarter' || r.point.grain === 'half';
      if (isQuarter && isReported(r.point, reference, env)) {
        quarterAnchor = r.point;
      }
    }
    const mod = r.mod ?? c.mod;
    out.push({
      text: text.slice(c.start, c.end),
      type: r.type ?? c.type,
      value: r.value,
      start: c.start,
      end: c.end,
      rule: c.rule,
      ...(mod === undefined ? {} : { mod }),
      ...(c.freq === undefined ? {} : { freq: c.freq }),
    });
  }
  return out;
}

function isReported(p: Point, reference: CalendarDay, env: ResolutionEnv): boolean {
  if (!startsAfter(shift(p, 1), reference)) return true;
  return !startsAfter(p, reference) && env.tense === 'past';
}
