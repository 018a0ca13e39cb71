import { InvalidQueryError, TableReadError } from '../../lambdas/reader/errors';
import { LocalRuntimeError } from '../../local/errors';

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

/**
 * What to tell the user about a failure that is not the CLI's own: the AWS environment (no region, no
 * credentials) and answers of AWS services (access denied, no such stack) are reported in one line with a
 * hint; anything else is a bug and keeps its stack trace.
 */
export function describeFailure(error: unknown): { readonly message: string; readonly stack: boolean } {
  if (!(error instanceof Error)) return { message: String(error), stack: false };
  if (error.message === 'Region is missing') {
    return {
      message: 'no AWS region: pass --region, or set AWS_REGION (or a region in your AWS profile)',
      stack: false,
    };
  }
  if (error.name === 'CredentialsProviderError') {
    return {
      message: `no AWS credentials (${error.message}): set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY`,
      stack: false,
    };
  }
  // No local runtime running, a bad runtime option: the user's situation, not a bug.
  if (error instanceof LocalRuntimeError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { message: `${error.message}${cause}`, stack: false };
  }
  // Service exceptions carry the response metadata: AWS answered, nothing crashed.
  if ('$metadata' in error) return { message: `AWS answered ${error.name}: ${error.message}`, stack: false };
  return { message: error.message, stack: true };
}

/** True when a failure (or its cause) is a refused or failed connection: nothing listens at the endpoint. */
export function isUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH') return true;
    if (/ECONNREFUSED/.test(e.message)) return true;
  }
  return false;
}

/** The hint for an endpoint nothing answers at. */
export const UNREACHABLE_HINT =
  'nothing answers there: is `npm start` running? (or pass --data-dir, --endpoint)';

/**
 * The CLI's error for a failed read of the article table at `where`: a rejected query is a usage error, a failed
 * read names its cause (with the hint when nothing answers); anything else is returned as it is.
 */
export function readFailure(error: unknown, where: string): unknown {
  if (error instanceof InvalidQueryError) return new UsageError(error.message, { cause: error });
  if (!(error instanceof TableReadError)) return error;
  const cause = isUnreachable(error)
    ? `: ${UNREACHABLE_HINT}`
    : error.cause instanceof Error
      ? `: ${error.cause.name}: ${error.cause.message}`
      : '';
  return new CliError(`${error.message} (${where})${cause}`, { cause: error });
}
