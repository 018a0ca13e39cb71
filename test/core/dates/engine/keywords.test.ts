import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishNewsConfiguration } from '../../../../lambdas/core/dates/configuration';
import { findKeywords, keywordMask } from '../../../../lambdas/core/dates/engine/keywords';
import type { Parser } from '../../../../lambdas/core/dates/engine/rule';
import { createRuleDateTagger } from '../../../../lambdas/core/dates/engine/tagger';

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'samples');

/** The production rules without keywords: every expression scans the whole text, as before windows existed. */
function fullScanTagger() {
  const configuration = englishNewsConfiguration();
  const parsers = configuration.parsers.map((p): Parser => {
    const { keywords: _keywords, reach: _reach, ...rest } = p;
    return rest;
  });
  return createRuleDateTagger({ ...configuration, parsers }, 'full-scan');
}

const STORIES = [
  'On Monday, 2 October 2023, the board met; two days later, at 3:30 p.m. EST, it voted. The 40-year-old chief, ' +
    'in office for the past three and a half years, said profits in the third quarter rose 5% from a year earlier. ' +
    'Since the 1990s the firm has paid twice a year; the next payment is due 31/03/2024 or June7, 2024.',
  'Thousands march in May. The mayor said the market would open at noon Thursday, or Noonan said so, and that the ' +
    'decades-long dispute over the 2000s will end by the end of the year, in the twenty-first century, for a while.',
  'Earlier that day, FY98 results and Q3 1998 figures were due; every other week, nightly, these days, right now.',
];

describe('keyword windows', () => {
  const fast = createRuleDateTagger(englishNewsConfiguration(), 'windows');
  const full = fullScanTagger();

  it.each([
    ...STORIES.map((text, i) => [`story ${i + 1}`, text] as const),
    ...readdirSync(SAMPLES).map((name) => [name, readFileSync(join(SAMPLES, name), 'utf8')] as const),
  ])('find what a scan of the whole text finds: %s', (_, text) => {
    // Act
    const windowed = fast.tag(text, { referenceDate: '2024-04-10' });
    const scanned = full.tag(text, { referenceDate: '2024-04-10' });
    // Assess
    expect(windowed.length).toBeGreaterThan(3);
    expect(windowed).toEqual(scanned);
  });

  it.each([
    ['June7', 'month', true],
    ['Sept.', 'month', true],
    ['market', 'month', false],
    ['mayor', 'month', false],
    ['a 40-year-old', 'hyphenatedUnit', true],
    ['decades-long', 'hyphenatedUnit', true],
    ['two years', 'pluralUnit', true],
    ['one year', 'pluralUnit', false],
    ['the 20th century', 'century', true],
    ['Q3', 'digit', true],
  ] as const)('classifies %j: %s is %s', (text, name, expected) => {
    // Act
    const { masks } = findKeywords(text);
    // Assess
    expect(masks.some((mask) => (mask & keywordMask([name])) !== 0)).toBe(expected);
  });
});
