import { formatHitRow } from '../../bin/cli/query-format';
import { formatRecordRow } from '../../bin/cli/records-table';
import { escapeControls } from '../../bin/cli/terminal-text';
import type { ArticleRecord } from '../../lambdas/core/record/types';

describe('escapeControls', () => {
  it.each([
    ['an ANSI colour sequence', 'raw/\u001b[31mred.txt', 'raw/\\x1b[31mred.txt'],
    ['a bell and DEL', 'a\u0007b\u007f', 'a\\x07b\\x7f'],
    ['a C1 control sequence introducer', 'x\u009b2J', 'x\\x9b2J'],
    ['a right-to-left override', 'evil\u202etxt.exe', 'evil\\u202etxt.exe'],
    ['ordinary text, accents and emoji', 'Séoul 😀 Kim Jong Un 👩‍💻', 'Séoul 😀 Kim Jong Un 👩‍💻'],
  ])('%s', (_name, text, expected) => {
    // Prepare / Act
    const escaped = escapeControls(text);

    // Assess
    expect(escaped).toBe(expected);
  });
});

describe('formatRecordRow', () => {
  it('prints a key holding terminal escapes as visible text', () => {
    // Prepare
    const record = {
      id: 'a1',
      status: 'processed',
      source: { key: 'raw/\u001b]0;owned\u0007\u001b[2Jstory.txt' },
      title: 'Title\u001b[8m hidden',
      entitySummary: [],
      dates: [],
    } as unknown as ArticleRecord;

    // Act
    const row = formatRecordRow(record);

    // Assess
    expect(row).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(row).toContain('owned\\x07\\x1b[2Jstory.txt');
    expect(row).toContain('Title\\x1b[8m hidden');
  });
});

describe('formatRecordRow of a rejection', () => {
  it('gives the reason the width of the columns a rejection leaves empty, and cuts between words', () => {
    // Prepare
    const record = (message: string) =>
      ({
        id: 'a1',
        status: 'rejected',
        source: { key: 'raw/big.txt' },
        rejection: { code: 'TOO_LARGE', message },
        entitySummary: [],
        dates: [],
      }) as unknown as ArticleRecord;

    // Act
    const whole = formatRecordRow(record('Object is 5242881 bytes; the limit is 5242880'));
    const cut = formatRecordRow(record(`Object is 5242881 bytes; ${'and the limit is 5242880 '.repeat(6)}`));

    // Assess
    expect(whole).toMatch(
      /raw\/big\.txt\s+rejected\s+TOO_LARGE: Object is 5242881 bytes; the limit is 5242880$/,
    );
    expect(cut).toMatch(/ (?:and|the|limit|is|5242880)…$/);
  });
});

describe('formatHitRow', () => {
  it('prints a title holding terminal escapes as visible text', () => {
    // Prepare
    const hit = {
      articleId: 'a1',
      sortTime: '2019-12-20T00:00:00Z',
      publishedAt: '2019-12-20',
      status: 'processed',
      title: 'Seoul\u001b[2J\u001b[H talks',
    } as unknown as Parameters<typeof formatHitRow>[0];

    // Act
    const row = formatHitRow(hit);

    // Assess
    expect(row).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(row).toContain('Seoul\\x1b[2J\\x1b[H talks');
  });
});
