import { refineNamesakes } from '../../../../lambdas/core/entities/refiners/namesake';
import type { EntityType } from '../../../../lambdas/core/entities/types';
import { spansIn } from './spans';

describe('refineNamesakes', () => {
  it.each<[string, string, [string, EntityType][]]>([
    [
      'an administration',
      'Trump spoke. The Trump administration urged talks.',
      [
        ['Trump', 'PERSON'],
        ['Trump', 'MISC'],
      ],
    ],
    [
      'a campaign',
      'Senator Bob Dole said so. The Dole campaign denied it.',
      [
        ['Bob Dole', 'PERSON'],
        ['Dole', 'ORGANIZATION'],
      ],
    ],
  ])("files a person's name before %s as the person", (_case, text, found) => {
    // Prepare
    const spans = spansIn(text, found);

    // Act
    const refined = refineNamesakes(text, spans);

    // Assess
    expect(refined.map((s) => s.type)).toEqual(['PERSON', 'PERSON']);
    expect(refined.map((s) => [s.start, s.end])).toEqual(spans.map((s) => [s.start, s.end]));
  });

  it.each<[string, string, [string, EntityType][]]>([
    ['a word never tagged as a person', 'The Republican administration said so.', [['Republican', 'MISC']]],
    [
      'a person named elsewhere, but not before such a noun',
      'Trump spoke. Trump Tower was closed.',
      [
        ['Trump', 'PERSON'],
        ['Trump Tower', 'LOCATION'],
      ],
    ],
    [
      'a nationality before "government"',
      'Kim met Chinese officials. The Chinese government agreed.',
      [
        ['Kim', 'PERSON'],
        ['Chinese', 'MISC'],
        ['Chinese', 'MISC'],
      ],
    ],
  ])('leaves alone %s', (_case, text, found) => {
    // Prepare
    const spans = spansIn(text, found);

    // Act
    const refined = refineNamesakes(text, spans);

    // Assess
    expect(refined).toEqual(spans);
  });
});
