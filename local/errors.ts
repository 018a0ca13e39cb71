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
