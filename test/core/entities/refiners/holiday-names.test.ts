import { refineHolidayMentions } from '../../../../lambdas/core/entities/refiners/holiday-names';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

const span = (text: string, type: EntityType): EntitySpan => ({ text, type, start: 0, end: text.length });

describe('refineHolidayMentions', () => {
  it.each<[string, EntityType]>([
    ['Christmas', 'PERSON'],
    ['Christmas', 'LOCATION'],
    ['Hanukkah', 'ORGANIZATION'],
    ['Ramadan', 'LOCATION'],
    ['New Year', 'LOCATION'],
    ['CHRISTMAS EVE', 'ORGANIZATION'],
    ['New Year\u2019s Day', 'PERSON'],
    ['Eid al-Fitr', 'PERSON'],
  ])('files %s (tagged %s) as MISC', (text, type) => {
    // Prepare / Act
    const [refined] = refineHolidayMentions([span(text, type)]);

    // Assess
    expect(refined).toEqual({ ...span(text, type), type: 'MISC' });
  });

  it.each<[string, EntityType]>([
    ['Easter Island', 'LOCATION'],
    ['Christmas Island', 'LOCATION'],
    ['Ramadan Abdullah', 'PERSON'],
    ['Seoul', 'LOCATION'],
    ['Lent', 'PERSON'],
  ])('leaves %s (%s) to the model', (text, type) => {
    // Prepare / Act
    const [refined] = refineHolidayMentions([span(text, type)]);

    // Assess
    expect(refined).toEqual(span(text, type));
  });

  it('keeps the order and offsets of every span', () => {
    // Prepare
    const spans = [
      { text: 'Kim', type: 'PERSON', start: 0, end: 3 },
      { text: 'Christmas', type: 'PERSON', start: 10, end: 19 },
    ] as const satisfies readonly EntitySpan[];

    // Act
    const refined = refineHolidayMentions([...spans]);

    // Assess
    expect(refined.map((s) => [s.text, s.type, s.start, s.end])).toEqual([
      ['Kim', 'PERSON', 0, 3],
      ['Christmas', 'MISC', 10, 19],
    ]);
  });
});
