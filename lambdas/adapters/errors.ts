/** Base class of adapter errors: a failure talking to S3 or DynamoDB, with the SDK error as `cause`. */
export class AdapterError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AdapterError';
  }
}

/** A stored object that should be JSON of a known shape is not. */
export class StoredObjectFormatError extends AdapterError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoredObjectFormatError';
  }
}

/** A write lost a race with a newer version of the same article (not retryable: the newer one wins). */
export class StaleWriteError extends AdapterError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StaleWriteError';
  }
}

/** A conditional S3 write found the object changed since it was read: re-read and decide again. */
export class PreconditionFailedError extends AdapterError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreconditionFailedError';
  }
}

/** A transient failure worth retrying (used by fault injection; SDK throttling surfaces as AdapterError). */
export class TransientAdapterError extends AdapterError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientAdapterError';
  }
}
