/** Base class of the CLI's errors: printed as one line, exit code 2. */
export class CliError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** The command line is wrong: unknown command, missing argument. */
export class UsageError extends CliError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
