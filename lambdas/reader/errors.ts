/** Base class of the reader's errors. */
export class ReaderError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReaderError';
  }
}

/** A query's arguments are invalid (bad id, day, range, entity type or date value); nothing was read. */
export class InvalidQueryError extends ReaderError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidQueryError';
  }
}

/** A page cursor is malformed, or was returned by a different query. */
export class InvalidCursorError extends InvalidQueryError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidCursorError';
  }
}

/** DynamoDB failed a read (throttling after the SDK's retries, permissions, missing table); the SDK error is `cause`. */
export class TableReadError extends ReaderError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TableReadError';
  }
}

/** S3 failed to return the processed document a record's `textRef` names (permissions, network); the SDK error is `cause`. */
export class TextReadError extends ReaderError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TextReadError';
  }
}

/** The processed document a record's `textRef` names now holds another version of the article. */
export class TextVersionError extends ReaderError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TextVersionError';
  }
}
