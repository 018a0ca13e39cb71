import type { EntitySpan } from '../types';

/**
 * Named holidays and festivals. The model has never seen one (CoNLL-2003 training news is from August) and
 * tags them as whatever they resemble: a person ("Christmas present"), a place ("before Christmas"), an
 * organisation ("Hanukkah").
 */
const HOLIDAYS: ReadonlySet<string> = new Set([
  'all saints day',
  'ash wednesday',
  'boxing day',
  'chinese new year',
  'christmas',
  'christmas day',
  'christmas eve',
  'diwali',
  'easter',
  'easter monday',
  'easter sunday',
  'eid',
  'eid al-adha',
  'eid al-fitr',
  'good friday',
  'halloween',
  'hanukkah',
  'hogmanay',
  'kwanzaa',
  'lunar new year',
  'new year',
  "new year's day",
  "new year's eve",
  'passover',
  'pentecost',
  'ramadan',
  'rosh hashanah',
  'thanksgiving',
  'thanksgiving day',
  'yom kippur',
]);

/**
 * A refiner over spans: a mention that is exactly a holiday's name is MISC (a named event, as CoNLL-2003
 * files events), whatever type the model gave it. Names that merely start with one ("Easter Island",
 * "Christmas Island") are left to the model.
 */
export function refineHolidayMentions(spans: EntitySpan[]): EntitySpan[] {
  return spans.map((s) =>
    s.type !== 'MISC' && HOLIDAYS.has(s.text.toLowerCase().replace(/[\u2019]/g, "'"))
      ? { ...s, type: 'MISC' }
      : s,
  );
}
