import { runSoak, soakPassed } from '../../local/soak';

describe('soak (300 articles, chaos on)', () => {
  it('ends with exactly one correct record per live object: nothing lost, duplicated, orphaned or dead-lettered', async () => {
    // Act
    const report = await runSoak({
      articles: 300,
      corpus: [],
      chaos: { duplicate: 0.1, reorder: 0.1, fail: 0.05, seed: 42, maxDelayMs: 500 },
      // Long enough that a batch slowed by a loaded process is not redelivered while it runs: at 5 s, a CI run of the
      // whole suite (the soak 4x slower than alone: 60 s) dead-lettered 10 messages, one batch's worth.
      runtime: { logLevel: 'SILENT', visibilityTimeoutMs: 15_000 },
      drainTimeoutMs: 240_000,
    });

    // Assess
    process.stdout.write(`soak: ${JSON.stringify(report)}\n`);
    expect(report).toMatchObject({
      uploaded: 300,
      overwritten: 30,
      deleted: 30,
      expected: 270,
      records: 270,
    });
    expect({
      duplicates: report.duplicates,
      orphans: report.orphans,
      lost: report.lost,
      dlq: report.dlq,
    }).toEqual({
      duplicates: 0,
      orphans: 0,
      lost: 0,
      dlq: 0,
    });
    // The chaos really happened.
    expect(report.faults.duplicated).toBeGreaterThan(0);
    expect(report.faults.delayed).toBeGreaterThan(0);
    expect(report.faults.failedCalls).toBeGreaterThan(0);
    expect(soakPassed(report)).toBe(true);
  }, 300_000);
});
