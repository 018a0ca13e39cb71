import {
  entityPk,
  lookupSk,
  mentionKeysFor,
  normalizeName,
  publishedPk,
} from '../../lambdas/adapters/article-table';

describe('mentionKeysFor', () => {
  it.each([
    ['2019-12-20', ['2019', '2019-12', '2019-12-20']],
    ['2019-12-20T10:42', ['2019', '2019-12', '2019-12-20']],
    ['2019-12', ['2019', '2019-12']],
    ['2019', ['2019']],
    ['2019-W51', ['2019', '2019-W51']],
    ['2019-Q4', ['2019', '2019-Q4']],
    ['2019-WI', ['2019', '2019-WI']],
    ['PRESENT_REF', []],
    ['P2Y', []],
    ['XXXX-12-25', []],
    ['199', []],
  ])('indexes %s under %j', (value, expected) => {
    // Act
    const keys = mentionKeysFor(value);

    // Assess
    expect(keys).toEqual(expected);
  });
});

describe('lookup keys', () => {
  it('matches entity names case- and space-insensitively', () => {
    // Act + Assess
    expect(entityPk('Kim  Jong Un')).toBe(entityPk('kim jong un'));
    expect(entityPk('Kim Jong Un')).toBe('ENTITY#kim jong un');
  });

  it('normalises names to NFC so composed and decomposed forms meet', () => {
    // Act + Assess
    expect(normalizeName('Mu\u0308ller')).toBe(normalizeName('Müller'));
  });

  it('sorts lookup items newest first when queried descending', () => {
    // Prepare
    const older = lookupSk('2019-12-19', 'b');
    const newer = lookupSk('2019-12-20', 'a');

    // Assess
    expect([older, newer].sort().reverse()).toEqual([newer, older]);
    expect(publishedPk('2019-12-20')).toBe('PUBLISHED#2019-12-20');
  });
});
