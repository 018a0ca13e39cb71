import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProcessAlive } from '../../local/data-dir-lock';
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
  let state: RuntimeState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as RuntimeState;
  } catch (cause) {
    throw new RuntimeNotRunningError(
      `${file} is not a runtime state file: start the runtime again with \`npm start\``,
      { cause },
    );
  }
  if (typeof state.pid === 'number' && !isProcessAlive(state.pid)) {
    throw new RuntimeNotRunningError(
      `The local runtime that wrote ${file} (pid ${state.pid}) is no longer running: start it again with \`npm start\``,
    );
  }
  return state;
}
