/**
 * Typed errors of the pure domain. Every error carries a stable `name` and an optional `cause`
 * so callers can branch on the class and logs keep the original failure.
 */
export class NewsflowCoreError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsflowCoreError';
  }
}

/** A caller passed a value the domain cannot work with (a programming or contract error, not bad content). */
export class InvalidArgumentError extends NewsflowCoreError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidArgumentError';
  }
}

/** A reference date that is not a valid `YYYY-MM-DD` calendar day (or ISO timestamp starting with one). */
export class InvalidReferenceDateError extends InvalidArgumentError {
  public constructor(value: string, options?: { cause?: unknown }) {
    super(`Invalid reference date ${JSON.stringify(value)}: expected YYYY-MM-DD`, options);
    this.name = 'InvalidReferenceDateError';
  }
}

/** A serialized model that cannot be decoded (wrong format, version or truncated bytes). */
export class ModelFormatError extends NewsflowCoreError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelFormatError';
  }
}

/** A processed document that does not match the contract between the clean and tag stages. */
export class ProcessedDocumentError extends NewsflowCoreError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProcessedDocumentError';
  }
}
