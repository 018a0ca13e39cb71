import { InvalidReferenceDateError } from '../../../../lambdas/core/errors';
import { tag } from '../tag-helper';

const STORY =
  'On March 3, 1998, the ship docked; two days later it sailed. It returned last week, and the crew will leave ' +
  'again next Tuesday. Profits in the third quarter, up 5% from a year earlier, were reported yesterday. 🚢 ' +
  'Officials now expect about two weeks of talks and daily briefings.';

describe('rule engine', () => {
  it('returns sorted, non-overlapping spans whose offsets point at their text', () => {
    // Act
    const spans = tag(STORY, '1998-04-01');
    // Assess
    expect(spans.length).toBeGreaterThan(8);
    spans.forEach((s, i) => {
      expect(STORY.slice(s.start, s.end)).toBe(s.text);
      const next = spans[i + 1];
      if (next !== undefined) expect(s.end).toBeLessThanOrEqual(next.start);
    });
  });

  it('records the rule that produced every span', () => {
    // Act
    const rules = tag(STORY, '1998-04-01').map((s) => s.rule);
    // Assess
    expect(rules).toEqual(
      expect.arrayContaining(['month-day-year', 'ago', 'relative-period', 'quarter', 'deictic-day']),
    );
    expect(rules.every((r) => r.length > 0)).toBe(true);
  });

  it('counts offsets in UTF-16 code units after astral characters', () => {
    // Prepare
    const text = '🚢🚢 It sailed yesterday.';
    // Act
    const [span] = tag(text, '1998-04-01');
    // Assess
    expect(span).toMatchObject({ start: 15, end: 24, text: 'yesterday' });
  });

  it('is deterministic: same input, same output, however often it runs', () => {
    // Act
    const first = tag(STORY, '1998-04-01');
    const second = tag(STORY, '1998-04-01');
    // Assess
    expect(second).toEqual(first);
  });

  it('resolves against the reference date, not the clock', () => {
    // Act
    const a = tag('It happened yesterday.', '1998-04-01');
    const b = tag('It happened yesterday.', '2010-01-01');
    // Assess
    expect([a[0]?.value, b[0]?.value]).toEqual(['1998-03-31', '2009-12-31']);
  });

  it.each(['yesterday', '1998-02-30', '98-04-01', ''])('rejects the reference date %j', (ref) => {
    // Act / Assess
    expect(() => tag('It happened yesterday.', ref)).toThrow(InvalidReferenceDateError);
  });

  it('accepts an ISO timestamp as the reference date', () => {
    // Act
    const [span] = tag('It happened yesterday.', '1998-04-01T10:42:00Z');
    // Assess
    expect(span?.value).toBe('1998-03-31');
  });

  it('returns nothing for text without temporal expressions', () => {
    // Act / Assess
    expect(tag('The minister resigned.', '1998-04-01')).toEqual([]);
  });
});
