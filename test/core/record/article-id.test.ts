import { articleIdFor, isArticleId } from '../../../lambdas/core/record/article-id';
import { articleIdFromProcessedKey, processedKeyFor } from '../../../lambdas/core/record/processed-key';

describe('article ids', () => {
  it('derives a stable id from bucket and key, not content', () => {
    // Act
    const a = articleIdFor('raw', 'raw/a.txt');
    const again = articleIdFor('raw', 'raw/a.txt');

    // Assess
    expect(a).toBe(again);
    expect(isArticleId(a)).toBe(true);
  });

  it.each([
    ['raw', 'raw/a.txt', 'raw', 'raw/b.txt'],
    ['raw', 'raw/a.txt', 'other', 'raw/a.txt'],
    // The separator keeps bucket/key boundaries apart.
    ['ab', 'c', 'a', 'bc'],
  ])('gives %s/%s and %s/%s different ids', (b1, k1, b2, k2) => {
    // Act + Assess
    expect(articleIdFor(b1, k1)).not.toBe(articleIdFor(b2, k2));
  });

  it('round-trips through the processed document key', () => {
    // Prepare
    const id = articleIdFor('raw', 'raw/ü +.txt');

    // Act
    const key = processedKeyFor(id);

    // Assess
    expect(key).toMatch(/^articles\/[0-9a-f]{32}\.json$/);
    expect(articleIdFromProcessedKey(key)).toBe(id);
    expect(articleIdFromProcessedKey('articles/../x.json')).toBeUndefined();
  });

  it.each([
    ['another prefix', `raw/${'a'.repeat(32)}.json`],
    ['another suffix', `articles/${'a'.repeat(32)}.txt`],
    ['a short id', 'articles/abc.json'],
    ['upper-case hex', `articles/${'A'.repeat(32)}.json`],
    ['a nested key', `articles/x/${'a'.repeat(32)}.json`],
  ])('reads no article id from %s', (_name, key) => {
    // Act
    const id = articleIdFromProcessedKey(key);

    // Assess
    expect(id).toBeUndefined();
  });
});
