/** Base class of adapter errors: a failure talking to S3 or DynamoDB, with the SDK error as `cause`. */
export class AdapterError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AdapterError';
  }
}

/** A conditional S3 write found the object changed since it was read: re-read and decide again. */
export class PreconditionFailedError extends AdapterError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreconditionFailedError';
  }
}
