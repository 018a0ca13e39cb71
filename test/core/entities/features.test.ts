import { extractFeatures, WordCache } from '../../../lambdas/core/entities/features';
import { EMPTY_LEXICON } from '../../../lambdas/core/entities/lexicon';
import { prepareText } from '../../../lambdas/core/entities/perceptron-tagger';

const BODY = 'North Korean leader Kim Jong Un met officials in Seoul on Friday.';

/** Feature keys of each token of BODY when `extra` follows it in the same document. */
function bodyKeys(extra: string): number[][] {
  const prepared = prepareText(extra === '' ? BODY : `${BODY}\n\n${extra}`);
  const { keys, offsets } = extractFeatures(
    prepared.words,
    prepared.sentences,
    EMPTY_LEXICON,
    new WordCache(),
  );
  const bodyTokens = prepareText(BODY).words.length;
  return Array.from({ length: bodyTokens }, (_, i) =>
    Array.from(keys.subarray(offsets[i] as number, offsets[i + 1] as number)),
  );
}

describe('document-level case features', () => {
  it('take evidence from running text: a name also written in lower case reads differently', () => {
    // Prepare / Act
    const alone = bodyKeys('');
    const withLowerCase = bodyKeys('Officials said kim would travel.');

    // Assess
    const kim = prepareText(BODY).words.indexOf('Kim');
    expect(withLowerCase[kim]).not.toEqual(alone[kim]);
  });
});
