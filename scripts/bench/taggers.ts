/**
 * Tagger throughput against peers, on the same documents in the same process: the entity tagger against
 * compromise, the date tagger against chrono-node. Steady state (each warmed up), one core (rates per CPU
 * second of this single-threaded process), median of alternating runs.
 */
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { Taggers } from '../../lambdas/core/tagging/tag-text';
import type { Corpus } from './corpora';
import { compare, type Item, type Plan, type Rate } from './stats';

/** Entity tagging rates, tokens per second. */
export interface EntityRates {
  readonly ner: Rate;
  readonly compromise: Rate;
}

/** Date tagging rates, characters per second. */
export interface DateRates {
  readonly dates: Rate;
  readonly chrono: Rate;
}

/**
 * What compromise does to find the entities our tagger finds: parse and tag the text, then extract people,
 * places and organisations with their offsets.
 */
export function compromiseEntities(text: string): number {
  const doc = nlp(text);
  const found = [doc.people(), doc.places(), doc.organizations()].map((v) => v.json({ offset: true }));
  return found.reduce((n, list) => n + (list as unknown[]).length, 0);
}

/** `EntityTagger.tag` against compromise, tokens per second. */
export function measureEntities(corpus: Corpus, taggers: Taggers, plan: Plan): EntityRates {
  const items: Item<string>[] = corpus.docs.map((d) => ({ value: d.text, units: d.units }));
  const rates = compare(items, plan, {
    ner: (text) => void taggers.entities.tag(text),
    compromise: (text) => void compromiseEntities(text),
  });
  return { ner: rates.ner!, compromise: rates.compromise! };
}

/** `DateTagger.tag` against `chrono.parse` (its casual parser), characters per second. */
export function measureDates(corpus: Corpus, taggers: Taggers, plan: Plan): DateRates {
  const items = corpus.docs.map((d) => ({
    value: {
      text: d.text,
      referenceDate: d.referenceDate,
      reference: new Date(`${d.referenceDate}T12:00:00Z`),
    },
    units: d.units,
  }));
  const rates = compare(items, plan, {
    dates: (d) => void taggers.dates.tag(d.text, { referenceDate: d.referenceDate }),
    chrono: (d) => void chrono.parse(d.text, d.reference),
  });
  return { dates: rates.dates!, chrono: rates.chrono! };
}
