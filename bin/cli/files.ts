import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UsageError } from './errors';

/** Expands files and directories (recursively, skipping dot-files) into a sorted list of files. */
export function listFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (path: string): void => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (cause) {
      throw new UsageError(`No such file or directory: ${path}`, { cause });
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name));
    } else if (stat.isFile()) {
      out.push(path);
    }
  };
  for (const p of paths) visit(p);
  return out;
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

/** Content type to upload a file with (the cleaner also sniffs, so this is a hint). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
