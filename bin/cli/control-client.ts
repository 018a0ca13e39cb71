import { RuntimeNotRunningError } from '../../local/errors';
import type { RuntimeState } from '../../local/runtime';

/** Calls the running local runtime's control API (see local/control-server.ts). */
export async function callControl<T>(
  state: RuntimeState,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  if (!state.controlEndpoint) {
    throw new RuntimeNotRunningError(
      'The local runtime has no control endpoint: restart it with `npm start`.',
    );
  }
  let response: Response;
  try {
    response = await fetch(`${state.controlEndpoint}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  } catch (cause) {
    throw new RuntimeNotRunningError(
      `The local runtime at ${state.controlEndpoint} does not answer; is \`npm start\` running?`,
      {
        cause,
      },
    );
  }
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new RuntimeNotRunningError(`Control API ${path}: ${json.error ?? response.status}`);
  return json;
}
