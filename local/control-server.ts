import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalQueue } from './local-queue';

/** Depth of one queue, as `newsflow status` shows it. */
export interface QueueStatus {
  readonly name: string;
  /** Messages waiting or in flight. */
  readonly depth: number;
  readonly inFlight: number;
}

/** What the control server can do with the runtime it serves. */
export interface ControlTarget {
  queues(): Record<'clean' | 'cleanDlq' | 'tag' | 'tagDlq', LocalQueue>;
  /** Moves every dead-lettered message of a stage back to its queue; returns how many. */
  redrive(stage: 'clean' | 'tag'): number;
  /** Queues a re-tag of processed documents (by key); returns how many were queued. */
  reprocess(processedKeys: readonly string[]): number;
  /** Queues message bodies for a stage (`newsflow reconcile`'s re-drives); returns how many. */
  send(stage: 'clean' | 'tag', bodies: readonly string[]): number;
  /** Article ids with a message queued, per stage. */
  pending(): { readonly clean: ReadonlySet<string>; readonly tag: ReadonlySet<string> };
}

/** A running control server. */
export interface ControlServer {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * A small HTTP API on 127.0.0.1 through which other `newsflow` processes reach the running local runtime's
 * in-process queues: `GET /status`, `POST /redrive?stage=clean|tag`, `POST /reprocess` (JSON `{keys}`),
 * `POST /send?stage=clean|tag` (JSON `{bodies}`) and `GET /pending`.
 */
export async function startControlServer(target: ControlTarget, port = 0): Promise<ControlServer> {
  const server = createServer((req, res) => {
    handle(target, req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    stop: () => close(server),
  };
}

async function handle(target: ControlTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/status') {
    const queues = Object.fromEntries(
      Object.entries(target.queues()).map(([k, q]) => [
        k,
        { name: q.name, depth: q.depth, inFlight: q.inFlight },
      ]),
    );
    return send(res, 200, { queues });
  }
  if (req.method === 'POST' && url.pathname === '/redrive') {
    const stage = url.searchParams.get('stage');
    if (stage !== 'clean' && stage !== 'tag') return send(res, 400, { error: 'stage must be clean or tag' });
    return send(res, 200, { moved: target.redrive(stage) });
  }
  if (req.method === 'POST' && url.pathname === '/reprocess') {
    const body = JSON.parse(await readBody(req)) as { keys?: unknown };
    if (!Array.isArray(body.keys) || !body.keys.every((k) => typeof k === 'string')) {
      return send(res, 400, { error: 'body must be {"keys": [processed document keys]}' });
    }
    return send(res, 200, { queued: target.reprocess(body.keys as string[]) });
  }
  if (req.method === 'POST' && url.pathname === '/send') {
    const stage = url.searchParams.get('stage');
    if (stage !== 'clean' && stage !== 'tag') return send(res, 400, { error: 'stage must be clean or tag' });
    const body = JSON.parse(await readBody(req)) as { bodies?: unknown };
    if (!Array.isArray(body.bodies) || !body.bodies.every((b) => typeof b === 'string')) {
      return send(res, 400, { error: 'body must be {"bodies": [message bodies]}' });
    }
    return send(res, 200, { queued: target.send(stage, body.bodies as string[]) });
  }
  if (req.method === 'GET' && url.pathname === '/pending') {
    const pending = target.pending();
    return send(res, 200, { clean: [...pending.clean], tag: [...pending.tag] });
  }
  send(res, 404, { error: `no route ${req.method} ${url.pathname}` });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
