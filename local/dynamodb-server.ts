import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import dynalite from 'dynalite';
import { EmulatorError, isAddressInUse, PortInUseError } from './errors';

/** Which DynamoDB API to run: dynalite (pure Node, fast) or the official DynamoDB Local (Java; transactions, TTL, streams). */
export type DynamoDbEngine = 'dynalite' | 'dynamodb-local';

/** A running local DynamoDB API. */
export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  readonly engine: DynamoDbEngine;
  stop(): Promise<void>;
}

/** Settings of {@link startLocalDynamoDb}. */
export interface LocalDynamoDbOptions {
  readonly engine: DynamoDbEngine;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where tables persist; undefined keeps them in memory. */
  readonly directory?: string;
}

/** Starts the chosen DynamoDB API on 127.0.0.1. */
export async function startLocalDynamoDb(options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  return options.engine === 'dynalite' ? startDynalite(options) : startDynamoDbLocal(options);
}

async function startDynalite(options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.directory ? { path: options.directory } : {}),
  });
  const port = await listen(server, options.port);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    engine: 'dynalite',
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The DynamoDB Local jar shipped inside the npm package `amplify-dynamodb-simulator`. */
export function dynamoDbLocalJar(): string {
  return join(
    dirname(require.resolve('amplify-dynamodb-simulator/package.json')),
    'emulator',
    'DynamoDBLocal.jar',
  );
}

async function startDynamoDbLocal(options: LocalDynamoDbOptions): Promise<LocalDynamoDb> {
  const port = options.port === 0 ? await freePort() : options.port;
  const jar = dynamoDbLocalJar();
  const storage = options.directory ? ['-dbPath', options.directory] : ['-inMemory'];
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  // -sharedDb: one database whatever the region and credentials of the client.
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dirname(jar), 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      '-sharedDb',
      '-port',
      String(port),
      ...storage,
    ],
    // DynamoDB Local writes a metadata file into its working directory: keep it out of the repository.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.directory ?? tmpdir() },
  );
  await waitForOutput(child, /CorsParams|Port:/, 30_000);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitForHttp(endpoint, 30_000);
  return {
    endpoint,
    port,
    engine: 'dynamodb-local',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listen(server: Server | import('node:http').Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause) =>
      reject(
        isAddressInUse(cause)
          ? new PortInUseError('DynamoDB', port, { cause })
          : new EmulatorError(`Cannot listen on port ${port}`, { cause }),
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Asks the OS for a free port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, 0);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new EmulatorError(`DynamoDB Local did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (cause) => {
      clearTimeout(timer);
      reject(new EmulatorError('Cannot run java for DynamoDB Local (is a JRE installed?)', { cause }));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmulatorError(`DynamoDB Local exited with code ${code}:\n${output}`));
    });
  });
}

async function waitForHttp(endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(endpoint, { method: 'POST' });
      return;
    } catch (cause) {
      if (Date.now() > deadline)
        throw new EmulatorError(`DynamoDB Local not reachable at ${endpoint}`, { cause });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
