import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirInUseError, LocalRuntimeError } from './errors';

/** File name of the lock inside the data directory; it holds the owner's pid. */
export const LOCK_FILE = 'runtime.lock';

/** A held lock on a data directory. */
export interface DataDirLock {
  readonly file: string;
  /** Removes the lock (idempotent). */
  release(): void;
}

/** Whether a process with this pid is alive (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
}

/**
 * Takes the data directory for this process: creates the lock file exclusively (`wx`), so two runtimes cannot
 * both open the same dynalite database, S3 store and queue journal. A lock left by a process that is gone (a
 * killed runtime) is taken over; one held by a live process is a {@link DataDirInUseError}.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new LocalRuntimeError(`Cannot lock the data directory ${dataDir}`, { cause: error });
      const owner = readOwner(file);
      if (owner !== undefined && owner !== process.pid && isProcessAlive(owner))
        throw new DataDirInUseError(dataDir, owner);
      // Stale (its runtime was killed) or being written this instant: take it over and try again.
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let held = true;
    return {
      file,
      release: () => {
        if (!held) return;
        held = false;
        if (readOwner(file) === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new LocalRuntimeError(`Cannot lock the data directory ${dataDir}: its lock file keeps changing`);
}
