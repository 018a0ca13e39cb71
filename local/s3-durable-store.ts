import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The object s3rver hands its store on a PUT (only the fields read here). */
interface S3rverObject {
  readonly bucket: string;
  readonly key: string;
  readonly content: Buffer | Readable;
  readonly metadata: Record<string, string>;
}

/** The parts of s3rver's (hardened, see `s3-key-safety.ts`) filesystem store this module replaces or calls. */
interface FilesystemStore {
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key?: string, resource?: string): string;
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
  deleteObject(bucket: string, key: string): Promise<void>;
}

/** Settings of {@link makeStoreDurable}. */
export interface DurableStoreOptions {
  /**
   * Flush every written file and its directory to disk before answering (survives power loss; a killed
   * process alone loses nothing without it). Throwaway runs turn it off. @default true
   */
  readonly flush?: boolean;
}

/** Metadata s3rver keeps besides user metadata (`x-amz-meta-*`), as its own store does. */
const KEPT_METADATA: readonly string[] = (
  require('s3rver/lib/models/object') as { ALLOWED_METADATA: readonly string[] }
).ALLOWED_METADATA;

/**
 * Makes s3rver's filesystem store crash-safe, in place (after `hardenFilesystemStore`, whose key checks stay:
 * every path comes from its `getResourcePath`). s3rver writes content, ETag file and metadata as three
 * unrelated files, and rewrites a missing ETag file from whatever content it reads. Here each file is written
 * under a temporary name, flushed to disk and renamed into place, content first and metadata (where the
 * clean stage keeps a processed document's sequencer) last, so a killed process leaves either version, never
 * a mix, and an acknowledged PUT is on disk; a missing ETag is computed on reads, never written by them.
 */
export function makeStoreDurable(store: FilesystemStore, options: DurableStoreOptions = {}): void {
  const flush = options.flush ?? true;
  const deleteObject = store.deleteObject.bind(store);
  let temporaries = 0;

  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    const md5Path = store.getResourcePath(object.bucket, object.key, 'object.md5');
    const metadataPath = store.getResourcePath(object.bucket, object.key, 'metadata.json');
    // In the bucket's folder, not beside the object: a suffixed name could exceed the file name limit.
    const base = join(store.getBucketPath(object.bucket), `.durable-${process.pid}-${temporaries++}`);
    const [content, md5File, metadataFile] = [`${base}.object`, `${base}.md5`, `${base}.metadata`];
    try {
      const { size, md5 } = await writeContent(content, object.content, flush);
      await writeWhole(md5File, md5, flush);
      await writeWhole(metadataFile, JSON.stringify(keptMetadata(object.metadata), null, 2), flush);
      await mkdir(dirname(objectPath), { recursive: true });
      // Without its .md5 file the ETag is computed from the content: never a stale ETag in between.
      await unlink(md5Path).catch(ignoreMissing);
      await rename(content, objectPath);
      await rename(md5File, md5Path);
      await rename(metadataFile, metadataPath);
      if (flush) await flushDirectory(dirname(objectPath));
      return { size, md5 };
    } finally {
      await Promise.all([content, md5File, metadataFile].map((f) => rm(f, { force: true })));
    }
  };

  store.getMetadata = async (bucket, key) => {
    const objectPath = store.getResourcePath(bucket, key, 'object');
    const info = await stat(objectPath); // ENOENT for a missing object, as s3rver expects
    const [stored, md5] = await Promise.all([
      readFile(store.getResourcePath(bucket, key, 'metadata.json'), 'utf8')
        .then((text) => JSON.parse(text) as Record<string, unknown>)
        .catch(orUndefinedIfMissing),
      readFile(`${objectPath}.md5`, 'utf8').catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        return createHash('md5')
          .update(await readFile(objectPath))
          .digest('hex');
      }),
    ]);
    return {
      ...stored,
      etag: JSON.stringify(md5),
      'last-modified': info.mtime.toUTCString(),
      'content-length': info.size,
    };
  };

  store.deleteObject = async (bucket, key) => {
    // The content file is what makes an object exist: it goes first, so a crash never leaves a half-object.
    await unlink(store.getResourcePath(bucket, key, 'object')).catch(ignoreMissing);
    await deleteObject(bucket, key);
  };
}

async function writeContent(
  path: string,
  content: Buffer | Readable,
  flush: boolean,
): Promise<{ size: number; md5: string }> {
  const hash = createHash('md5');
  let size = 0;
  if (Buffer.isBuffer(content)) {
    hash.update(content);
    size = content.length;
    await writeWhole(path, content, flush);
  } else {
    await pipeline(
      content,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    if (flush) await flushFile(path, 'r+');
  }
  return { size, md5: hash.digest('hex') };
}

async function writeWhole(path: string, data: string | Buffer, flush: boolean): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    if (flush) await handle.sync();
  } finally {
    await handle.close();
  }
}

async function flushFile(path: string, mode: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, mode);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function flushDirectory(path: string): Promise<void> {
  return flushFile(path, 'r');
}

function keptMetadata(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(metadata).filter(([k]) => KEPT_METADATA.includes(k) || k.startsWith('x-amz-meta-')),
  );
}

function orUndefinedIfMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
