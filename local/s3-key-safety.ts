/**
 * What the local S3 API refuses, and how it stores objects safely. s3rver maps a key to a file path by
 * joining its segments under the data directory, so a `..` segment walks out of it (a raw PUT with
 * `curl --path-as-is` wrote outside it, or over another bucket's object), an empty segment aliases another
 * key, and a segment longer than a file name can be crashed the whole runtime (an unhandled ENAMETOOLONG).
 * Requests for keys it cannot hold get an S3-style 400 instead, checked both on the request and where the
 * store turns a key into a path (which multi-object deletes and copies also pass through).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3rverMiddleware } from './s3-conditional-writes';

/** The S3 error a request gets for a bucket or key the store cannot hold. */
export interface KeyRefusal {
  readonly code: 'InvalidArgument' | 'InvalidBucketName' | 'InvalidURI' | 'KeyTooLongError';
  readonly message: string;
}

/** S3's own limit on a key's UTF-8 length. */
const MAX_KEY_BYTES = 1024;
/** A file name's limit on Linux and macOS file systems, in bytes. */
const MAX_NAME_BYTES = 255;
/**
 * s3rver stores a key's last segment as `<segment>._S3rver_object` beside `._S3rver_object.md5` and
 * `._S3rver_metadata.json`: the longest suffix leaves this much of a file name for the segment.
 */
const MAX_LAST_SEGMENT_BYTES = MAX_NAME_BYTES - '._S3rver_metadata.json'.length;
/** s3rver's file name marker; a segment holding it could collide with another key's files. */
const STORE_MARKER = '._S3rver_';
/**
 * Bucket names the store can hold as a folder name: S3's characters (and upper case and underscores, which
 * s3rver has always accepted), never `.` or `..`. S3's length rules are not enforced: tests use short names.
 */
const BUCKET_NAME = /^[A-Za-z0-9._-]{1,255}$/;

/** Why a bucket name cannot be used, or undefined when it can. */
export function bucketRefusal(bucket: string): KeyRefusal | undefined {
  if (BUCKET_NAME.test(bucket) && bucket !== '.' && bucket !== '..') return undefined;
  return {
    code: 'InvalidBucketName',
    message: `The specified bucket is not valid: ${JSON.stringify(bucket)}`,
  };
}

/**
 * Why the local store cannot hold a key, or undefined when it can: a `.` or `..` segment, an empty segment
 * before the last (a leading or doubled slash), a NUL, s3rver's own file name marker, a segment longer than a
 * file name, or a key over S3's 1,024 bytes.
 */
export function keyRefusal(key: string): KeyRefusal | undefined {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    return { code: 'KeyTooLongError', message: `Your key is too long (over ${MAX_KEY_BYTES} bytes)` };
  }
  if (key.includes('\u0000')) {
    return {
      code: 'InvalidArgument',
      message: 'The local S3 API cannot store a key holding a NUL character',
    };
  }
  const segments = key.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      return {
        code: 'InvalidArgument',
        message: `The local S3 API cannot store a key with a "${segment}" segment (its file store would leave the key's folder)`,
      };
    }
    if (segment === '' && !last) {
      return {
        code: 'InvalidArgument',
        message: 'The local S3 API cannot store a key with an empty segment (a leading or doubled slash)',
      };
    }
    if (segment.includes(STORE_MARKER)) {
      return { code: 'InvalidArgument', message: `The local S3 API reserves "${STORE_MARKER}" in keys` };
    }
    const limit = last ? MAX_LAST_SEGMENT_BYTES : MAX_NAME_BYTES;
    if (Buffer.byteLength(segment) > limit) {
      return {
        code: 'KeyTooLongError',
        message: `The local S3 API stores key segments (between slashes) of at most ${limit} bytes; this one has ${Buffer.byteLength(segment)}`,
      };
    }
  }
  return undefined;
}

/** s3rver renders its own error class as an S3 XML error response; anything else becomes a 500. */
function s3Error(refusal: KeyRefusal): Error {
  const S3Error = require('s3rver/lib/models/error') as new (code: string, message: string) => Error;
  return new S3Error(refusal.code, refusal.message);
}

function decodedOrRefused(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw s3Error({ code: 'InvalidURI', message: "Couldn't parse the specified URI." });
  }
}

/**
 * Refuses requests naming a bucket or key (or a copy source) the store cannot hold, before s3rver's router
 * sees them. Runs after s3rver's virtual-host rewrite, so `ctx.path` is `/<bucket>/<key>`, still URL-encoded.
 */
export function keySafety(): S3rverMiddleware {
  return async (ctx, next) => {
    const parts = ctx.path.split('/');
    const bucket = decodedOrRefused(parts[1] ?? '');
    if (bucket !== '') {
      const refusal = bucketRefusal(bucket) ?? keyRefusalOrNone(decodedOrRefused(parts.slice(2).join('/')));
      if (refusal !== undefined) throw s3Error(refusal);
    }
    const copySource = ctx.get('x-amz-copy-source');
    if (copySource) {
      const [sourceBucket = '', ...sourceKey] = decodedOrRefused(copySource.split('?')[0] ?? '')
        .replace(/^\//, '')
        .split('/');
      const refusal = bucketRefusal(sourceBucket) ?? keyRefusal(sourceKey.join('/'));
      if (refusal !== undefined) throw s3Error(refusal);
    }
    await next();
  };
}

/** An empty key is a bucket-level request, not a key. */
function keyRefusalOrNone(key: string): KeyRefusal | undefined {
  return key === '' ? undefined : keyRefusal(key);
}

/** The parts of s3rver's FilesystemStore this module replaces or calls. */
interface FilesystemStore {
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key?: string, resource?: string): string;
  putMetadata(bucket: string, key: string, metadata: unknown, md5?: string): Promise<void>;
  putObject(object: {
    bucket: string;
    key: string;
    content: Buffer | NodeJS.ReadableStream;
    metadata: unknown;
  }): Promise<{ size: number; md5: string }>;
}

/**
 * Hardens s3rver's file store in place: every key is checked where it becomes a path (the one place all
 * object operations pass, multi-object deletes and copies included), and objects are written to a temporary
 * file and renamed over the old one. s3rver truncated the file in place, so a GET streaming it while a PUT
 * rewrote it lost its body (ECONNRESET in the clean stage); a rename leaves the reader its old file whole.
 */
export function hardenFilesystemStore(store: FilesystemStore): void {
  const bucketPath = store.getBucketPath.bind(store);
  const resourcePath = store.getResourcePath.bind(store);
  let temporaries = 0;
  store.getBucketPath = (bucket) => {
    const refusal = bucketRefusal(bucket);
    if (refusal !== undefined) throw s3Error(refusal);
    return bucketPath(bucket);
  };
  store.getResourcePath = (bucket, key, resource) => {
    const refusal = bucketRefusal(bucket) ?? (key ? keyRefusal(key) : undefined);
    if (refusal !== undefined) throw s3Error(refusal);
    return resourcePath(bucket, key, resource);
  };
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    // In the bucket's folder, not beside the object: a name with a suffix could exceed the file name limit.
    const temporary = join(store.getBucketPath(object.bucket), `.partial-${process.pid}-${temporaries++}`);
    try {
      const md5 = createHash('md5');
      let size = 0;
      if (Buffer.isBuffer(object.content)) {
        md5.update(object.content);
        size = object.content.length;
        await writeFile(temporary, object.content);
      } else {
        const count = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            md5.update(chunk);
            size += chunk.length;
            callback(null, chunk);
          },
        });
        await pipeline(object.content, count, createWriteStream(temporary));
      }
      await mkdir(dirname(objectPath), { recursive: true });
      await rename(temporary, objectPath);
      const digest = md5.digest('hex');
      await store.putMetadata(object.bucket, object.key, object.metadata, digest);
      return { size, md5: digest };
    } finally {
      await rm(temporary, { force: true });
    }
  };
}
