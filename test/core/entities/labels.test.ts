import {
  isValidEnd,
  isValidStart,
  isValidTransition,
  LABEL_COUNT,
  labelName,
  labelOf,
  labelsToSpans,
  spansToLabels,
  type TokenSpan,
} from '../../../lambdas/core/entities/labels';

const named = (name: string): number => {
  for (let y = 0; y < LABEL_COUNT; y++) if (labelName(y) === name) return y;
  throw new Error(`no label ${name}`);
};

describe('BILOU labels', () => {
  it.each([
    ['O', 'O', true],
    ['O', 'B-PERSON', true],
    ['O', 'U-MISC', true],
    ['O', 'I-PERSON', false],
    ['O', 'L-PERSON', false],
    ['B-PERSON', 'I-PERSON', true],
    ['B-PERSON', 'L-PERSON', true],
    ['B-PERSON', 'L-LOCATION', false],
    ['B-PERSON', 'O', false],
    ['I-ORGANIZATION', 'I-ORGANIZATION', true],
    ['I-ORGANIZATION', 'B-ORGANIZATION', false],
    ['L-LOCATION', 'B-LOCATION', true],
    ['L-LOCATION', 'I-LOCATION', false],
    ['U-MISC', 'U-MISC', true],
    ['U-MISC', 'L-MISC', false],
  ])('%s → %s allowed: %s', (prev, next, allowed) => {
    // Prepare / Act / Assess
    expect(isValidTransition(named(prev), named(next))).toBe(allowed);
  });

  it.each([
    ['O', true, true],
    ['B-PERSON', true, false],
    ['I-PERSON', false, false],
    ['L-PERSON', false, true],
    ['U-PERSON', true, true],
  ])('%s may start: %s, may end: %s', (label, start, end) => {
    // Prepare / Act / Assess
    expect(isValidStart(named(label))).toBe(start);
    expect(isValidEnd(named(label))).toBe(end);
  });

  it('round-trips spans through labels', () => {
    // Prepare
    const spans: TokenSpan[] = [
      { start: 0, end: 2, type: 'PERSON' },
      { start: 2, end: 3, type: 'PERSON' },
      { start: 4, end: 7, type: 'ORGANIZATION' },
    ];

    // Act
    const labels = spansToLabels(spans, 8);

    // Assess
    expect(Array.from(labels, labelName)).toEqual([
      'B-PERSON',
      'L-PERSON',
      'U-PERSON',
      'O',
      'B-ORGANIZATION',
      'I-ORGANIZATION',
      'L-ORGANIZATION',
      'O',
    ]);
    expect(labelsToSpans(labels)).toEqual(spans);
  });

  it('reads a malformed sequence leniently, losing no entity token', () => {
    // Prepare
    const labels = [labelOf('PERSON', 'I'), labelOf('PERSON', 'I'), 0, labelOf('MISC', 'B')];

    // Act
    const spans = labelsToSpans(labels);

    // Assess
    expect(spans).toEqual([
      { start: 0, end: 2, type: 'PERSON' },
      { start: 3, end: 4, type: 'MISC' },
    ]);
  });
});
