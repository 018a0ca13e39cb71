import { loadTaggers } from '../../../lambdas/adapters/load-taggers';
import { tagText } from '../../../lambdas/core/tagging/tag-text';

const taggers = loadTaggers();

describe('tagText: names touching emoji', () => {
  it.each([
    ['an emoji on each side of a name', '😀Kim Jong Un😀', ['Kim Jong Un', 1, 12]],
    ['a flag before a name', 'Leaders 🇰🇵Kim Jong Un and 🇺🇸Donald Trump met.', ['Kim Jong Un', 10, 21]],
    [
      'a ZWJ sequence before a name',
      'Leaders 👩‍💻Kim Jong Un and Donald Trump met.',
      ['Kim Jong Un', 11, 22],
    ],
  ])('%s: the name alone, at code-point offsets', (_name, text, [name, start, end]) => {
    // Prepare / Act
    const { entities } = tagText(text, '2019-12-20', taggers);

    // Assess
    const mention = entities.find((e) => e.text === name);
    expect(mention).toEqual(expect.objectContaining({ type: 'PERSON', start, end }));
    expect(
      Array.from(text)
        .slice(start as number, end as number)
        .join(''),
    ).toBe(name);
    for (const e of entities) expect(e.text).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
