import fc from 'fast-check';
import { canonicalize, summarizeEntities } from '../../../lambdas/core/entities/canonicalize';
import type { EntitySpan, EntityType } from '../../../lambdas/core/entities/types';

/** Spans in text order; offsets only need to be distinct here. */
function spans(...mentions: [string, EntityType][]): EntitySpan[] {
  let at = 0;
  return mentions.map(([text, type]) => {
    const span = { text, type, start: at, end: at + text.length };
    at += text.length + 1;
    return span;
  });
}

describe('canonicalize', () => {
  it.each([
    [
      'surname → full name',
      spans(['Stephen Biegun', 'PERSON'], ['Biegun', 'PERSON']),
      ['Stephen Biegun', 'Stephen Biegun'],
    ],
    [
      'given name → full name',
      spans(['Kim Jong Un', 'PERSON'], ['Kim', 'PERSON']),
      ['Kim Jong Un', 'Kim Jong Un'],
    ],
    [
      'an ambiguous short name keeps its own form',
      spans(['Kim Jong Un', 'PERSON'], ['Kim Dae-jung', 'PERSON'], ['Kim', 'PERSON']),
      ['Kim Jong Un', 'Kim Dae-jung', 'Kim'],
    ],
    [
      'nested candidates resolve to the longest',
      spans(
        ['Security Council', 'ORGANIZATION'],
        ['United Nations Security Council', 'ORGANIZATION'],
        ['Council', 'ORGANIZATION'],
      ),
      [
        'United Nations Security Council',
        'United Nations Security Council',
        'United Nations Security Council',
      ],
    ],
    [
      'headline capitals → running-text spelling',
      spans(['SEOUL', 'LOCATION'], ['Seoul', 'LOCATION']),
      ['Seoul', 'Seoul'],
    ],
    [
      'acronym → expansion',
      spans(['United Nations', 'ORGANIZATION'], ['UN', 'ORGANIZATION']),
      ['United Nations', 'United Nations'],
    ],
    ['types are not mixed', spans(['Jenny Town', 'PERSON'], ['Town', 'LOCATION']), ['Jenny Town', 'Town']],
    ['whitespace is collapsed', spans(['North\n Korea', 'LOCATION']), ['North Korea']],
    ['a lone mention is its own name', spans(['Reuters', 'ORGANIZATION']), ['Reuters']],
    [
      'a run repeated inside the longer name',
      spans(['New York New York', 'MISC'], ['New York', 'MISC']),
      ['New York New York', 'New York New York'],
    ],
    [
      'an acronym with two expansions is ambiguous',
      spans(['United Nations', 'ORGANIZATION'], ['Upper Niles', 'ORGANIZATION'], ['UN', 'ORGANIZATION']),
      ['United Nations', 'Upper Niles', 'UN'],
    ],
    [
      'an acronym resolves to the name its letters spell, not to a longer name holding it',
      spans(
        ['United Nations', 'ORGANIZATION'],
        ['United Nations Security', 'ORGANIZATION'],
        ['UN', 'ORGANIZATION'],
      ),
      ['United Nations Security', 'United Nations Security', 'United Nations'],
    ],
    [
      "a name of more than 12 words is nobody else's canonical name",
      spans(['A B C D E F G H I J K L Kim', 'PERSON'], ['Kim', 'PERSON']),
      ['A B C D E F G H I J K L Kim', 'Kim'],
    ],
  ])('%s', (_name, input, expected) => {
    // Prepare / Act
    const mentions = canonicalize(input);

    // Assess
    expect(mentions.map((m) => m.canonical)).toEqual(expected);
    expect(mentions.map(({ canonical: _c, ...span }) => span)).toEqual(input);
  });
});

/**
 * The pairwise comparison canonicalize used to make (quadratic in the distinct names of an article), kept as
 * the reference the index must agree with on names of up to 12 words.
 */
function pairwiseCanonical(input: readonly EntitySpan[]): string[] {
  const form = (type: EntityType, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    const words = text.split(' ');
    const folded = words.map((w) => w.toLowerCase());
    const allCaps = text === text.toUpperCase() && text !== text.toLowerCase();
    const initials = words
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w.charAt(0))
      .join('');
    return { type, text, words, folded, key: folded.join(' '), allCaps, initials };
  };
  type Form = ReturnType<typeof form>;
  const containsRun = (long: readonly string[], short: readonly string[]) =>
    long.some((_, i) => i + short.length <= long.length && short.every((w, j) => long[i + j] === w));
  const best = (forms: readonly Form[]) => (forms.find((f) => !f.allCaps) ?? forms[0])?.text ?? '';
  const forms = new Map<string, Form>();
  for (const s of input) {
    const f = form(s.type, s.text);
    if (!forms.has(`${f.type}|${f.text}`)) forms.set(`${f.type}|${f.text}`, f);
  }
  const all = [...forms.values()];
  const resolve = (f: Form): string => {
    const same = all.filter((g) => g.type === f.type);
    const acronym = f.words.length === 1 && f.text.length >= 2 && f.allCaps;
    const candidates = same.filter(
      (g) =>
        g.words.length > f.words.length &&
        (containsRun(g.folded, f.folded) || (acronym && g.initials === f.text)),
    );
    const maximal = candidates.filter(
      (c) => !candidates.some((d) => d.words.length > c.words.length && containsRun(d.folded, c.folded)),
    );
    if (maximal.length > 0 && maximal.every((m) => m.key === maximal[0]?.key)) return best(maximal);
    return best(same.filter((g) => g.key === f.key));
  };
  return input.map((s) => {
    const f = form(s.type, s.text);
    return resolve(forms.get(`${f.type}|${f.text}`) as Form) || f.text;
  });
}

describe('canonicalize: the index agrees with pairwise comparison', () => {
  const WORDS = ['Kim', 'KIM', 'kim', 'Jong', 'Un', 'UN', 'United', 'Nations', 'Moon', 'N', 'KJ', 'KJU'];
  const TYPES: EntityType[] = ['PERSON', 'ORGANIZATION'];

  it('on generated articles of up to 12-word names', () => {
    // Prepare
    const mention = fc.tuple(
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(...TYPES),
    );
    const article = fc.array(mention, { minLength: 1, maxLength: 25 });

    fc.assert(
      fc.property(article, (mentions) => {
        const input = spans(...mentions.map(([w, t]): [string, EntityType] => [w.join(' '), t]));

        // Act
        const canonical = canonicalize(input).map((m) => m.canonical);

        // Assess
        expect(canonical).toEqual(pairwiseCanonical(input));
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('summarizeEntities', () => {
  it('counts mentions per entity, most mentioned first', () => {
    // Prepare
    const mentions = canonicalize(
      spans(
        ['Stephen Biegun', 'PERSON'],
        ['Seoul', 'LOCATION'],
        ['Biegun', 'PERSON'],
        ['SEOUL', 'LOCATION'],
        ['Biegun', 'PERSON'],
        ['Reuters', 'ORGANIZATION'],
      ),
    );

    // Act
    const summary = summarizeEntities(mentions);

    // Assess
    expect(summary).toEqual([
      { canonical: 'Stephen Biegun', type: 'PERSON', mentions: 3 },
      { canonical: 'Seoul', type: 'LOCATION', mentions: 2 },
      { canonical: 'Reuters', type: 'ORGANIZATION', mentions: 1 },
    ]);
  });
});
