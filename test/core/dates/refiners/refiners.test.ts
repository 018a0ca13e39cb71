import type { Candidate } from '../../../../lambdas/core/dates/engine/candidate';
import { fixed } from '../../../../lambdas/core/dates/engine/candidate';
import { modifierRefiner } from '../../../../lambdas/core/dates/refiners/modifier';
import { overlapRefiner } from '../../../../lambdas/core/dates/refiners/overlap';
import { found } from '../tag-helper';

const candidate = (
  start: number,
  end: number,
  rule: string,
  type: Candidate['type'] = 'DATE',
): Candidate => ({
  start,
  end,
  rule,
  type,
  resolve: fixed('X'),
});

describe('refiners', () => {
  it('overlap keeps the longest candidate, and the earlier rule between equals', () => {
    // Prepare
    const input = [
      candidate(0, 5, 'a'),
      candidate(0, 9, 'b'),
      candidate(10, 14, 'c'),
      candidate(10, 14, 'd'),
    ];
    // Act
    const kept = overlapRefiner.refine(input, { text: '' });
    // Assess
    expect(kept.map((c) => c.rule)).toEqual(['b', 'c']);
  });

  it.each([
    ['in early December', 'early December', 'START'],
    ['by the end of 1990', 'the end of 1990', 'END'],
    ['since mid-1990', 'mid-1990', 'MID'],
    ['around Nov. 1', 'around Nov. 1', 'APPROX'],
    ['after post-1959', 'post-1959', 'AFTER'],
  ])('modifier reads "%s" into the span', (text, expression, mod) => {
    // Act
    const spans = found(text, '1999-06-01');
    // Assess
    expect(spans.map((s) => [s.text, s.mod])).toEqual([[expression, mod]]);
  });

  it('modifier leaves SETs alone', () => {
    // Prepare
    const text = 'early daily';
    // Act
    const [c] = modifierRefiner.refine([candidate(6, 11, 'frequency-adverb', 'SET')], { text });
    // Assess
    expect([c?.start, c?.mod]).toEqual([6, undefined]);
  });

  it('date-time joins a clock time with the day after it', () => {
    // Act
    const spans = found('Relatives have until 9 a.m. EST Tuesday to sign.', '2000-04-03');
    // Assess
    expect(spans).toEqual([{ text: '9 a.m. EST Tuesday', type: 'TIME', value: '2000-04-04T09:00' }]);
  });

  it.each([
    ["The day before last Tuesday's hearing, he went home.", 'day before last Tuesday', '2000-02-21'],
    ['The day after Christmas it snowed.', 'day after Christmas', '1999-12-26'],
  ])('day-offset counts from a named day: %s', (text, expression, value) => {
    // Act
    const spans = found(text, '2000-02-24');
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });
});
