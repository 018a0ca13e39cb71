import { tokenize } from '../../../lambdas/core/text/tokenize';

describe('tokenize', () => {
  it.each([
    ['a plain sentence', 'The talks ended.', ['The', 'talks', 'ended', '.']],
    [
      'abbreviations keep their period',
      'U.S. Air Force and Acme Corp. said',
      ['U.S.', 'Air', 'Force', 'and', 'Acme', 'Corp.', 'said'],
    ],
    ['titles keep their period', 'Mr. Kim met Dr. Town', ['Mr.', 'Kim', 'met', 'Dr.', 'Town']],
    ['possessive and negation split off', "Korea's leader doesn't", ['Korea', "'s", 'leader', 'does', "n't"]],
    ['curly possessive', 'Biegun\u2019s trip', ['Biegun', '\u2019s', 'trip']],
    [
      'straight quotes',
      '"It\'s creepy," said Town.',
      ['"', 'It', "'s", 'creepy', ',', '"', 'said', 'Town', '.'],
    ],
    ['curly quotes', '\u201cChristmas present\u201d', ['\u201c', 'Christmas', 'present', '\u201d']],
    ['brackets', 'SEOUL (Reuters) \u2013 A', ['SEOUL', '(', 'Reuters', ')', '\u2013', 'A']],
    ['dashes between words', 'ready\u2014we are', ['ready', '\u2014', 'we', 'are']],
    [
      'hyphenated names stay whole',
      'Jean-Claude Juncker and Washington-based',
      ['Jean-Claude', 'Juncker', 'and', 'Washington-based'],
    ],
    ['currency and percent', 'cost $100 or 5%', ['cost', '$', '100', 'or', '5', '%']],
    [
      'a name ending in ! inside a sentence',
      'The Korea Peace Now! called for',
      ['The', 'Korea', 'Peace', 'Now!', 'called', 'for'],
    ],
    ['an exclamation ending a sentence', 'Stop it! Now', ['Stop', 'it', '!', 'Now']],
    ['ALL-CAPS headline', 'MILITARY TENSIONS RISE IN U.S.', ['MILITARY', 'TENSIONS', 'RISE', 'IN', 'U.S.']],
    ['lower-case text', 'kim jong un met trump.', ['kim', 'jong', 'un', 'met', 'trump', '.']],
    ['ellipsis', 'ready \u2026 we wait...', ['ready', '\u2026', 'we', 'wait', '...']],
    ['numbers with separators', '1,000 people at 12.5 percent', ['1,000', 'people', 'at', '12.5', 'percent']],
    ['a rank at the start of a line', '3. Jan Ullrich', ['3.', 'Jan', 'Ullrich']],
  ])('%s', (_name, text, expected) => {
    // Prepare / Act
    const tokens = tokenize(text);

    // Assess
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it.each([
    ['CoNLL sentence', 'Hussain , who was born in U.S. , said " no . "'],
    ['CoNLL oddities', "`SERIOUS rebels--poll f... 12.177). Iraq-U.N. ( 3. ) 's"],
  ])('keeps the boundaries of pre-tokenized text: %s', (_name, text) => {
    // Prepare
    const gold = text.split(' ');

    // Act
    const tokens = tokenize(`${text}\nNext , line .`);

    // Assess
    expect(tokens.map((t) => t.text)).toEqual([...gold, 'Next', ',', 'line', '.']);
  });

  it('gives UTF-16 offsets around astral characters', () => {
    // Prepare
    const text = 'Fans \u{1F600} cheered Seoul.';

    // Act
    const tokens = tokenize(text);

    // Assess
    const seoul = tokens.find((t) => t.text === 'Seoul');
    expect(seoul).toEqual({ text: 'Seoul', start: 16, end: 21 });
  });

  it.each([[''], ['   \n\t ']])('returns no tokens for blank text %j', (text) => {
    // Prepare / Act / Assess
    expect(tokenize(text)).toEqual([]);
  });
});

describe('tokenize: emoji and pictographs are tokens of their own', () => {
  it.each([
    [
      'around a name',
      '😀Kim Jong Un😀',
      [
        ['😀', 0, 2],
        ['Kim', 2, 5],
        ['Jong', 6, 10],
        ['Un', 11, 13],
        ['😀', 13, 15],
      ],
    ],
    [
      'inside a word',
      'Kim😀Un',
      [
        ['Kim', 0, 3],
        ['😀', 3, 5],
        ['Un', 5, 7],
      ],
    ],
    [
      'a flag (regional indicators)',
      '🇰🇵Pyongyang',
      [
        ['🇰🇵', 0, 4],
        ['Pyongyang', 4, 13],
      ],
    ],
    [
      'a ZWJ sequence',
      '👩‍💻Kim',
      [
        ['👩‍💻', 0, 5],
        ['Kim', 5, 8],
      ],
    ],
    [
      'a skin-tone modifier',
      '👍🏽Moon.',
      [
        ['👍🏽', 0, 4],
        ['Moon', 4, 8],
        ['.', 8, 9],
      ],
    ],
    [
      'a BMP pictograph',
      'Acme™ and ©Reuters',
      [
        ['Acme', 0, 4],
        ['™', 4, 5],
        ['and', 6, 9],
        ['©', 10, 11],
        ['Reuters', 11, 18],
      ],
    ],
    [
      'inside quotes, before a comma',
      '"😀Kim," he',
      [
        ['"', 0, 1],
        ['😀', 1, 3],
        ['Kim', 3, 6],
        [',', 6, 7],
        ['"', 7, 8],
        ['he', 9, 11],
      ],
    ],
    [
      'a run of flags between words',
      'Seoul🇰🇷🇺🇸Washington',
      [
        ['Seoul', 0, 5],
        ['🇰🇷🇺🇸', 5, 13],
        ['Washington', 13, 23],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    // Prepare / Act
    const tokens = tokenize(text);

    // Assess: offsets are UTF-16 indices, so each token is exactly its slice of the text.
    expect(tokens.map((t) => [t.text, t.start, t.end])).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
