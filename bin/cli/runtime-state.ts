import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RuntimeNotRunningError } from '../../local/errors';
import { RUNTIME_STATE_FILE, type RuntimeState } from '../../local/runtime';

/** Default data directory of the local runtime (git-ignored). */
export const DEFAULT_DATA_DIR = resolve(__dirname, '..', '..', '.local');

/** Reads the state file `newsflow start` writes; fails with a hint when no runtime is running. */
export function readRuntimeState(dataDir: string = DEFAULT_DATA_DIR): RuntimeState {
  const file = join(dataDir, RUNTIME_STATE_FILE);
  if (!existsSync(file)) {
    throw new RuntimeNotRunningError(
      `No local runtime found (${file} is missing). Start one with \`npm start\`, or pass --endpoint.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RuntimeState;
}
