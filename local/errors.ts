/** Base class of the local runtime's errors. */
export class LocalRuntimeError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalRuntimeError';
  }
}

/** An emulator (s3rver, dynalite, DynamoDB Local) failed to start or stop. */
export class EmulatorError extends LocalRuntimeError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmulatorError';
  }
}

/** No local runtime is running where the CLI looked for one. */
export class RuntimeNotRunningError extends LocalRuntimeError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RuntimeNotRunningError';
  }
}

/** A local-runtime option has a bad value (reported as a usage error by the CLI). */
export class InvalidOptionError extends LocalRuntimeError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidOptionError';
  }
}

/** The queue journal or its snapshot in the data directory cannot be read or written. */
export class JournalError extends LocalRuntimeError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalError';
  }
}

/** A port the runtime needs is taken, most likely by another runtime. */
export class PortInUseError extends EmulatorError {
  public constructor(service: string, port: number, options?: { cause?: unknown }) {
    super(
      `${service} port ${port} is in use, probably by another newsflow runtime (npm start): stop it, or start this one on free ports with its own data: --s3-port 0 --dynamodb-port 0 --data-dir DIR`,
      options,
    );
    this.name = 'PortInUseError';
  }
}

/** Another live runtime holds the data directory (two would corrupt its database and queue journal). */
export class DataDirInUseError extends LocalRuntimeError {
  public constructor(dataDir: string, pid: number, options?: { cause?: unknown }) {
    super(
      `Another newsflow runtime (pid ${pid}) is using ${dataDir}: stop it, or start this one with --data-dir OTHER_DIR --s3-port 0 --dynamodb-port 0`,
      options,
    );
    this.name = 'DataDirInUseError';
  }
}

/** True for the error Node raises when a port is taken. */
export function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}
