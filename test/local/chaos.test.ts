import { Chaos, parseChaos } from '../../local/chaos';
import { InvalidOptionError } from '../../local/errors';

describe('parseChaos', () => {
  it('reads the --chaos option', () => {
    // Act
    const settings = parseChaos('duplicate=0.1,reorder=0.2,fail=0.05,seed=7');

    // Assess
    expect(settings).toEqual({ duplicate: 0.1, reorder: 0.2, fail: 0.05, seed: 7 });
  });

  it.each(['duplicate=2', 'fail=-0.1', 'explode=0.5', 'reorder=x'])('rejects %s', (spec) => {
    // Act + Assess
    expect(() => parseChaos(spec)).toThrow(InvalidOptionError);
  });
});

describe('Chaos', () => {
  it('makes the same choices for the same seed', () => {
    // Prepare
    const settings = { duplicate: 0.5, reorder: 0.5, fail: 0.5, seed: 3 };
    const a = new Chaos(settings);
    const b = new Chaos(settings);

    // Act
    const choices = (c: Chaos) => Array.from({ length: 20 }, () => [c.duplicate(), c.delayMs(), c.fail()]);

    // Assess
    expect(choices(a)).toEqual(choices(b));
  });

  it('injects faults at roughly the configured rate', () => {
    // Prepare
    const chaos = new Chaos({ duplicate: 0, reorder: 0, fail: 0.1, seed: 9 });

    // Act
    const failures = Array.from({ length: 10_000 }, () => chaos.fail()).filter(Boolean).length;

    // Assess
    expect(failures).toBeGreaterThan(800);
    expect(failures).toBeLessThan(1200);
    expect(new Chaos({ duplicate: 0, reorder: 0, fail: 0, seed: 1 }).enabled).toBe(false);
  });
});
