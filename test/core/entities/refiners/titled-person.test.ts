import { refineTitledPersons } from '../../../../lambdas/core/entities/refiners/titled-person';
import type { EntityType } from '../../../../lambdas/core/entities/types';
import { spansIn } from './spans';

describe('refineTitledPersons', () => {
  it.each<[string, string, [string, EntityType][], EntityType[]]>([
    [
      'a place after "Senator"',
      'Senator Bernie Sanders endorsed Joe Biden.',
      [
        ['Bernie Sanders', 'LOCATION'],
        ['Joe Biden', 'PERSON'],
      ],
      ['PERSON', 'PERSON'],
    ],
    [
      'an organisation after "Gov."',
      'He said Gov. Ron DeSantis signed it.',
      [['Ron DeSantis', 'ORGANIZATION']],
      ['PERSON'],
    ],
    [
      'MISC after a title that ends a longer one',
      'Prime Minister Giorgia Meloni spoke.',
      [['Giorgia Meloni', 'MISC']],
      ['PERSON'],
    ],
    [
      'a title after a line break',
      'It rained.\nPresident  Smith spoke.',
      [['Smith', 'LOCATION']],
      ['PERSON'],
    ],
  ])('makes a person of %s', (_case, text, found, types) => {
    // Prepare
    const spans = spansIn(text, found);

    // Act
    const refined = refineTitledPersons(text, spans);

    // Assess: only the type changes.
    expect(refined.map((s) => s.type)).toEqual(types);
    expect(refined.map((s) => [s.start, s.end])).toEqual(spans.map((s) => [s.start, s.end]));
  });

  it.each<[string, string, [string, EntityType][]]>([
    [
      'a title inside the previous mention',
      'The Senate Judiciary Committee chairman met Acme President Widget Corp officials.',
      [
        ['Senate Judiciary Committee', 'ORGANIZATION'],
        ['Acme President', 'ORGANIZATION'],
        ['Widget Corp', 'ORGANIZATION'],
      ],
    ],
    ['a word that only ends in a title', 'The Vice-President Cup was held in Rome.', [['Cup', 'MISC']]],
    ['a title in lower case', 'The former president Rome visited was there.', [['Rome', 'LOCATION']]],
    ['a title not right before the mention', 'The Senator and Texas agreed.', [['Texas', 'LOCATION']]],
  ])('leaves alone %s', (_case, text, found) => {
    // Prepare
    const spans = spansIn(text, found);

    // Act
    const refined = refineTitledPersons(text, spans);

    // Assess
    expect(refined).toEqual(spans);
  });
});
