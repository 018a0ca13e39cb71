import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import S3rver from 's3rver';
import { EmulatorError, isAddressInUse, PortInUseError } from './errors';
import { conditionalWrites } from './s3-conditional-writes';
import { makeStoreDurable } from './s3-durable-store';
import type { S3rverEventRecord } from './s3-events';
import { hardenFilesystemStore, keySafety } from './s3-key-safety';

/** A running local S3 API. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Settings of {@link startLocalS3}. */
export interface LocalS3Options {
  /** 0 picks a free port. */
  readonly port: number;
  /** Where objects are stored (persisted between runs). */
  readonly directory: string;
  readonly buckets: readonly string[];
  readonly onEvent: (event: { readonly Records: readonly S3rverEventRecord[] }) => void;
  /**
   * Called after a write request was handled and before it is answered, once its events went to `onEvent`:
   * where the runtime makes those events durable, so no acknowledged write is ever lost. @default none
   */
  readonly beforeAnswer?: () => Promise<void>;
  /**
   * Flush objects to disk before answering (see `s3-durable-store.ts`); throwaway runs turn it off.
   * @default true
   */
  readonly flushObjects?: boolean;
}

type KoaContext = {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
};

/**
 * Starts s3rver on 127.0.0.1. s3rver emits no events for multi-object deletes (`aws s3 rm --recursive`,
 * DeleteObjects), nor does it honour conditional writes; two middlewares fill those gaps, so every removal
 * reaches the pipeline and compare-and-swap writes behave as on AWS. A third refuses keys its file store
 * cannot hold safely, and the store writes objects by rename (see `s3-key-safety.ts`), flushed to disk with
 * their metadata last (`s3-durable-store.ts`); `beforeAnswer` makes a write's events durable before it is
 * answered.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  // s3rver raises a taken port as an unhandled 'error' event (a crash), not as a rejection of run().
  if (options.port !== 0) await checkPortFree(options.port);
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  server.on('event', (event: { Records: S3rverEventRecord[] }) => options.onEvent(event));
  const app = server as unknown as {
    middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
    store: Parameters<typeof hardenFilesystemStore>[0];
  };
  hardenFilesystemStore(app.store);
  // After the hardening: its key checks stay, and object writes become crash-safe (flushed, metadata last).
  makeStoreDurable(app.store as never, { flush: options.flushObjects ?? true });
  const beforeAnswer = options.beforeAnswer;
  const durableEvents = async (ctx: KoaContext, next: () => Promise<void>): Promise<void> => {
    await next();
    // Koa answers after every middleware has returned: the events of this write are durable before that.
    if (beforeAnswer && ctx.method !== 'GET' && ctx.method !== 'HEAD') await beforeAnswer();
  };
  // Just before the router: conditions are checked before s3rver writes, and the multi-delete response body
  // is still an object there (a later middleware turns it into XML).
  app.middleware.splice(
    app.middleware.length - 1,
    0,
    durableEvents,
    keySafety() as never,
    conditionalWrites() as never,
    async (ctx, next) => {
      await next();
      if (ctx.method !== 'POST' || !('delete' in ctx.query)) return;
      const result = (ctx.body as { DeleteResult?: { Deleted?: { Key: string }[] } } | undefined)
        ?.DeleteResult;
      const bucket = decodeURIComponent(ctx.path.split('/')[1] ?? '');
      const eventTime = new Date().toISOString();
      for (const deleted of result?.Deleted ?? []) {
        options.onEvent({
          Records: [
            {
              eventName: 'ObjectRemoved:Delete',
              eventTime,
              s3: { bucket: { name: bucket }, object: { key: deleted.Key } },
            },
          ],
        });
      }
    },
  );
  let address: { port: number };
  try {
    address = (await server.run()) as { port: number };
  } catch (cause) {
    if (isAddressInUse(cause)) throw new PortInUseError('S3', options.port, { cause });
    throw new EmulatorError(`Cannot start the local S3 API on port ${options.port}`, { cause });
  }
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: async () => {
      await server.close();
    },
  };
}

/** Fails with {@link PortInUseError} when something listens on the port already. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (cause) =>
      reject(
        isAddressInUse(cause)
          ? new PortInUseError('S3', port, { cause })
          : new EmulatorError(`Cannot listen on port ${port}`, { cause }),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
