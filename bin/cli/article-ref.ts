import { articleIdFor, isArticleId } from '../../lambdas/core/record/article-id';
import { UsageError } from './errors';

/** An article as the user named it, resolved to its id. */
export interface ArticleRef {
  readonly id: string;
  /** How to name it in messages: the id, or `s3://bucket/key`. */
  readonly label: string;
}

const S3_URL = /^s3:\/\/([^/]+)\/(.+)$/s;

/**
 * Resolves what a user typed for an article: its id, an S3 URL `s3://bucket/key`, or the key of an object in
 * the pipeline's raw bucket (`raw/x.txt`, as uploaded). Ids derive from bucket and key, so no table read is
 * needed; a bare key needs to know the raw bucket (local runtime or stack), else the URL form is asked for.
 */
export function resolveArticleRef(ref: string, rawBucket: string | undefined): ArticleRef {
  if (isArticleId(ref)) return { id: ref, label: ref };
  const url = S3_URL.exec(ref);
  if (url) return { id: articleIdFor(url[1]!, url[2]!), label: ref };
  if (ref.startsWith('s3://'))
    throw new UsageError(`${JSON.stringify(ref)} is not an S3 URL: expected s3://BUCKET/KEY`);
  if (ref.trim() === '') throw new UsageError('the article is empty: give an id, a key or s3://BUCKET/KEY');
  if (rawBucket === undefined)
    throw new UsageError(
      `${JSON.stringify(ref)} is not an article id and the raw bucket is unknown here: pass s3://BUCKET/${ref}`,
    );
  return { id: articleIdFor(rawBucket, ref), label: `s3://${rawBucket}/${ref}` };
}

/** The hint added when a key finds nothing: keys are stored with their prefix (`raw/x.txt`, not `x.txt`). */
export function missingKeyHint(ref: string, rawPrefix: string | undefined): string {
  if (isArticleId(ref) || ref.startsWith('s3://') || rawPrefix === undefined || ref.startsWith(rawPrefix))
    return '';
  return ` (keys include their prefix: try ${rawPrefix}${ref})`;
}
