import { compareSequencers, normalizeSequencer } from '../../../lambdas/core/record/sequencer';

describe('sequencers', () => {
  it.each([
    ['0055AED6DCD90281E5', '0055AED6DCD90281E6', -1],
    ['FF', '0100', -1], // different lengths: left-padded, 0x100 > 0xFF
    ['00ff', '0FF', 0], // case and padding do not matter
    ['0A', '9', 1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    // Act
    const result = compareSequencers(a, b);

    // Assess
    expect(Math.sign(result)).toBe(expected);
  });

  it('normalises to a fixed-width upper-case form that compares as a plain string', () => {
    // Act
    const a = normalizeSequencer('ff');
    const b = normalizeSequencer('100');

    // Assess
    expect(a).toHaveLength(32);
    expect(a < b).toBe(true);
  });
});
