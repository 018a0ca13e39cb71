import { refineMajorityTypes } from '../../../../lambdas/core/entities/refiners/majority-type';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

const spans = (tagged: readonly [string, EntityType][]): EntitySpan[] =>
  tagged.map(([text, type], i) => ({ text, type, start: i * 100, end: i * 100 + text.length }));

describe('refineMajorityTypes', () => {
  it.each<[string, readonly [string, EntityType][], EntityType[]]>([
    [
      'a minority mention takes the majority type',
      [
        ['Elian', 'PERSON'],
        ['Elian', 'ORGANIZATION'],
        ['Elian', 'PERSON'],
      ],
      ['PERSON', 'PERSON', 'PERSON'],
    ],
    [
      'a headline in capitals reads like the running text',
      [
        ['ELIAN', 'ORGANIZATION'],
        ['Elian', 'PERSON'],
      ],
      ['PERSON', 'PERSON'],
    ],
    [
      'a majority of another type changes nothing (places and clubs share names)',
      [
        ['Japan', 'LOCATION'],
        ['Japan', 'ORGANIZATION'],
        ['Japan', 'LOCATION'],
      ],
      ['LOCATION', 'ORGANIZATION', 'LOCATION'],
    ],
    [
      'an even split is left as tagged',
      [
        ['Jordan', 'PERSON'],
        ['Jordan', 'LOCATION'],
      ],
      ['PERSON', 'LOCATION'],
    ],
    [
      'two votes in capitals only tie one in running text',
      [
        ['KIM', 'PERSON'],
        ['KIM', 'PERSON'],
        ['Kim', 'ORGANIZATION'],
      ],
      ['PERSON', 'PERSON', 'ORGANIZATION'],
    ],
    [
      'different names do not vote together',
      [
        ['Paris', 'LOCATION'],
        ['Paris Hilton', 'PERSON'],
        ['Paris Hilton', 'PERSON'],
      ],
      ['LOCATION', 'PERSON', 'PERSON'],
    ],
  ])('%s', (_name, tagged, expected) => {
    // Prepare
    const input = spans(tagged);

    // Act
    const refined = refineMajorityTypes(input);

    // Assess
    expect(refined.map((s) => s.type)).toEqual(expected);
    expect(refined.map((s) => [s.text, s.start, s.end])).toEqual(input.map((s) => [s.text, s.start, s.end]));
  });
});
