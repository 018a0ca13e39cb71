/** Base class of handler errors: the event or the environment is not what the function was deployed for. */
export class HandlerError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HandlerError';
  }
}

/** A required environment variable is missing or malformed (fails fast, at cold start). */
export class ConfigurationError extends HandlerError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** An SQS message body is not an S3 event notification (retrying cannot help: it goes to the DLQ). */
export class InvalidEventError extends HandlerError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidEventError';
  }
}

/** An article's source kept changing while a stage wrote it; the message is retried later (not poison). */
export class ConvergenceError extends HandlerError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConvergenceError';
  }
}

/** The invocation's time budget is nearly spent: remaining messages go back to the queue untouched. */
export class TimeBudgetExceededError extends HandlerError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TimeBudgetExceededError';
  }
}
