import { readFileSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isUnreachable, UsageError } from './errors';
import { contentTypeFor, listFiles } from './files';
import { ProgressBar } from './progress';

/** One file to upload and the key it goes to. */
export interface UploadItem {
  readonly path: string;
  readonly key: string;
}

/** Maps files and directories to keys under `prefix`: directory structure is kept, single files by name. */
export function planUploads(paths: readonly string[], prefix: string): UploadItem[] {
  const items: UploadItem[] = [];
  for (const root of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(root).isDirectory();
    } catch (cause) {
      throw new UsageError(`No such file or directory: ${root} (give files or folders of articles)`, {
        cause,
      });
    }
    for (const path of listFiles([root])) {
      const name = isDir ? relative(root, path).split('\\').join('/') : basename(path);
      items.push({ path, key: `${prefix}${name}` });
    }
  }
  return items;
}

/** Uploads files with bounded concurrency and a progress bar; returns the keys that failed, with reasons. */
export async function uploadFiles(
  client: S3Client,
  bucket: string,
  items: readonly UploadItem[],
  options: { concurrency?: number; label?: string } = {},
): Promise<{ key: string; error: string; unreachable: boolean }[]> {
  const bar = new ProgressBar(items.length, options.label ?? 'upload');
  const failures: { key: string; error: string; unreachable: boolean }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: item.key,
            Body: readFileSync(item.path),
            ContentType: contentTypeFor(item.path),
          }),
        );
        bar.tick(true);
      } catch (error) {
        failures.push({
          key: item.key,
          error: error instanceof Error ? error.message : String(error),
          unreachable: isUnreachable(error),
        });
        bar.tick(false);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, items.length) }, worker));
  bar.finish();
  return failures;
}
