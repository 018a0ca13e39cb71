/** The parts of s3rver's Koa context and filesystem store the middleware uses. */
export interface S3rverContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  get(header: string): string;
  store: {
    existsObject(bucket: string, key: string): Promise<boolean>;
    getMetadata(bucket: string, key: string): Promise<{ etag?: string }>;
  };
}

/** A Koa middleware over s3rver's context. */
export type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

/** s3rver renders its own error class as an S3 XML error response; anything else becomes a 500. */
function conditionError(code: 'PreconditionFailed' | 'NoSuchKey'): Error {
  const S3Error = require('s3rver/lib/models/error') as new (code: string, message: string) => Error;
  return code === 'PreconditionFailed'
    ? new S3Error(code, 'At least one of the pre-conditions you specified did not hold')
    : new S3Error(code, 'The specified key does not exist.');
}

/** Object subresources whose PUT/DELETE is not an object write (tagging, ACLs, multipart parts). */
const SUBRESOURCES = ['acl', 'tagging', 'uploadId', 'partNumber', 'uploads', 'retention', 'legal-hold'];

/**
 * S3 conditional writes, which s3rver lacks: `If-None-Match: *` and `If-Match: <etag>` on PutObject and
 * `If-Match` on DeleteObject answer 412 when the condition fails (404 for If-Match on a missing object).
 * Writes to one key are serialized so a condition and the write it guards are atomic, as on S3. Reads of the
 * key take the same turn while they open the object, so a GET never pairs one version's length and ETag
 * with another version's file (the body then streams from the opened file, which writes replace by rename).
 */
export function conditionalWrites(): S3rverMiddleware {
  const locks = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const parts = ctx.path.split('/');
    const isObject = parts.length > 2 && parts[2] !== '' && !SUBRESOURCES.some((r) => r in ctx.query);
    const isObjectWrite =
      isObject && (ctx.method === 'PUT' || ctx.method === 'DELETE') && !ctx.get('x-amz-copy-source');
    const isObjectRead = isObject && (ctx.method === 'GET' || ctx.method === 'HEAD');
    if (!isObjectWrite && !isObjectRead) return next();
    const bucket = decodeURIComponent(parts[1] ?? '');
    const key = decodeURIComponent(parts.slice(2).join('/'));
    const lockKey = `${bucket}/${key}`;
    const previous = locks.get(lockKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const chained = previous.then(() => mine);
    locks.set(lockKey, chained);
    await previous;
    try {
      if (isObjectWrite) await checkConditions(ctx, bucket, key);
      await next();
    } finally {
      release();
      if (locks.get(lockKey) === chained) locks.delete(lockKey);
    }
  };
}

async function checkConditions(ctx: S3rverContext, bucket: string, key: string): Promise<void> {
  const ifMatch = ctx.get('if-match');
  const ifNoneMatch = ctx.get('if-none-match');
  if (!ifMatch && !ifNoneMatch) return;
  const exists = await ctx.store.existsObject(bucket, key);
  if (ifNoneMatch === '*' && exists) {
    throw conditionError('PreconditionFailed');
  }
  if (!ifMatch) return;
  if (!exists) throw conditionError('NoSuchKey');
  if (ifMatch === '*') return;
  const { etag } = await ctx.store.getMetadata(bucket, key);
  if (unquote(etag) !== unquote(ifMatch)) {
    throw conditionError('PreconditionFailed');
  }
}

function unquote(value: string | undefined): string {
  return (value ?? '').replace(/"/g, '').trim();
}
