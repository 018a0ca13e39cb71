import { extractFeatures, WordCache } from '../../../lambdas/core/entities/features';
import { hashString } from '../../../lambdas/core/entities/hash';
import { EMPTY_LEXICON, type FeatureLexicon } from '../../../lambdas/core/entities/lexicon';
import { prepareText } from '../../../lambdas/core/entities/perceptron-tagger';
import { packWord, WordTable } from '../../../lambdas/core/entities/word-table';

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

describe('word representation features', () => {
  /** Keys of "Uber" in a sentence, with a word table that gives it company and place buckets `context`. */
  function uberKeys(context: number, wordFeatures: FeatureLexicon['wordFeatures']): number[] {
    const lexicon: FeatureLexicon = {
      ...EMPTY_LEXICON,
      words: WordTable.build(
        Uint32Array.of(hashString('uber')),
        Uint32Array.of(
          packWord({
            news: 0o1234,
            glove: undefined,
            caps: 7,
            company: context,
            place: context,
            person: context,
          }),
        ),
      ),
      wordFeatures,
    };
    const prepared = prepareText('Shares of Uber rose.');
    const { keys, offsets } = extractFeatures(
      prepared.words,
      prepared.sentences,
      lexicon,
      new WordCache(lexicon),
    );
    return Array.from(keys.subarray(offsets[2] as number, offsets[3] as number));
  }

  it('describe a word by its news contexts only when the model was trained with them', () => {
    // Act
    const without = uberKeys(5, ['news', 'caps']);
    const withCompany = uberKeys(5, ['news', 'caps', 'company']);
    const otherBucket = uberKeys(2, ['news', 'caps', 'company']);
    const unknown = uberKeys(0, ['news', 'caps', 'company']);

    // Assess: two keys more (the bucket, alone and with the case class), and they name the bucket.
    const added = (keys: number[]): number[] => keys.filter((k) => !without.includes(k));
    expect(withCompany).toHaveLength(without.length + 2);
    expect(added(withCompany)).toHaveLength(2);
    expect(added(otherBucket)).toHaveLength(2);
    expect(added(otherBucket)).not.toEqual(added(withCompany));
    expect(unknown).toEqual(without);
  });

  it.each<[string, FeatureLexicon['wordFeatures'], number]>([
    ['company contexts', ['news', 'caps', 'company'], 2],
    ['place contexts', ['news', 'caps', 'place'], 2],
    ['both', ['news', 'caps', 'company', 'place'], 4],
  ])('adds two keys per context group the model was trained with: %s', (_name, groups, added) => {
    // Act
    const without = uberKeys(5, ['news', 'caps']);
    const withGroups = uberKeys(5, groups);

    // Assess: distinct keys, so the company and place buckets are weighed apart.
    expect(withGroups).toHaveLength(without.length + added);
    expect(new Set(withGroups).size).toBe(withGroups.length);
  });
});
