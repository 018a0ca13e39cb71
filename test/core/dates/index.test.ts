import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDateTagger } from '../../../lambdas/core/dates';
import { found } from './tag-helper';

const SEED = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'seed-korea-2019-12-20.txt'), 'utf8');

describe('createDateTagger on the seed article (published Friday 2019-12-20)', () => {
  it.each([
    ['Friday', 'DATE', '2019-12-20', undefined],
    ['Wednesday', 'DATE', '2019-12-18', undefined],
    ['Monday', 'DATE', '2019-12-16', undefined],
    ['Tuesday', 'DATE', '2019-12-17', undefined],
    ['this week', 'DATE', '2019-W51', undefined],
    ['next week', 'DATE', '2019-W52', undefined],
    ['last month', 'DATE', '2019-11', undefined],
    ['early December', 'DATE', '2019-12', 'START'],
    ['the end of the year', 'DATE', '2019', 'END'],
    ['2020', 'DATE', '2020', undefined],
    ['2017', 'DATE', '2017', undefined],
    ['the past two years', 'DURATION', 'P2Y', undefined],
  ])('finds "%s" as %s %s', (expression, type, value, mod) => {
    // Act
    const spans = found(SEED, '2019-12-20').filter((s) => s.text === expression);
    // Assess
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans)
      expect(s).toEqual({ text: expression, type, value, ...(mod === undefined ? {} : { mod }) });
  });

  it('names its rule set in the version', () => {
    // Act
    const tagger = createDateTagger();
    // Assess
    expect(tagger.version).toMatch(/^rules-\d+$/);
  });
});
