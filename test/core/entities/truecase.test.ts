import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_MODEL_PATH } from '../../../lambdas/core/entities';
import { decodeModel } from '../../../lambdas/core/entities/model-format';
import { prepareText } from '../../../lambdas/core/entities/perceptron-tagger';
import { truecaseWords } from '../../../lambdas/core/entities/truecase';

// The committed model's gazetteers: what the tagger passes in.
const lexicon = decodeModel(readFileSync(join(__dirname, '../../../models', ENTITY_MODEL_PATH))).lexicon;

function recase(text: string): string {
  const { words, sentences } = prepareText(text);
  return truecaseWords(words, sentences, lexicon).join(' ');
}

describe('truecaseWords', () => {
  it.each([
    [
      'the spellings the article uses elsewhere',
      'Stephen Biegun met Jenny Town in Seoul.\nthe meeting of stephen biegun and jenny town ended early.',
      'Stephen Biegun met Jenny Town in Seoul . The meeting of Stephen Biegun and Jenny Town ended early .',
    ],
    [
      'countries, nationalities and person names from the gazetteers',
      'officials from north korea and china met french diplomats with stephen.',
      'Officials from North Korea and China met French diplomats with Stephen .',
    ],
    [
      'the article\u2019s own lower-case use of a listed word',
      'He said the china was broken in the move.\nthe china in the cupboard was old too.',
      'He said the china was broken in the move . The china in the cupboard was old too .',
    ],
    [
      'shouted at length (lower-cased first)',
      'Stephen Biegun met Jenny Town in Seoul.\nSTEPHEN BIEGUN AND JENNY TOWN MET OFFICIALS FROM CHINA AND RUSSIA IN SEOUL ON FRIDAY.',
      'Stephen Biegun met Jenny Town in Seoul . Stephen Biegun and Jenny Town met officials from China and Russia in Seoul on Friday .',
    ],
  ])('gives a caseless sentence %s', (_case, text, expected) => {
    // Prepare / Act
    const recased = recase(text);

    // Assess
    expect(recased).toBe(expected);
  });

  it.each([
    [
      'an ALL-CAPS sentence of headline length (the model reads those well)',
      'NORTH KOREA SAYS TALKS WITH SEOUL ARE OVER FOR THIS YEAR',
    ],
    ['a sentence with capitals', 'officials in Seoul met china experts today'],
    ['a lower-case fragment shorter than four tokens', 'china said so'],
  ])('leaves %s as it is', (_case, text) => {
    // Prepare
    const { words, sentences } = prepareText(text);

    // Act
    const recased = truecaseWords(words, sentences, lexicon);

    // Assess
    expect(recased).toBe(words);
  });

  it('keeps one word per token (offsets stay valid)', () => {
    // Prepare
    const { words, sentences } = prepareText('kim jong un met officials from the united states in hanoi.');

    // Act
    const recased = truecaseWords(words, sentences, lexicon);

    // Assess
    expect(recased).toHaveLength(words.length);
    recased.forEach((w, i) => {
      expect(w.toLowerCase()).toBe((words[i] as string).toLowerCase());
    });
  });
});
