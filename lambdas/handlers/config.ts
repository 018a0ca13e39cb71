import { DEFAULT_MAX_BYTES } from '../core/clean/types';
import { PIPELINE_SPEC } from '../core/pipeline-spec';
import { ConfigurationError } from './errors';

/** Environment variables as a plain record (`process.env` in Lambda; explicit in tests and the local runtime). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Reads a required environment variable, failing fast with the variable's name. */
export function requireEnv(env: Environment, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigurationError(`Environment variable ${name} is required`);
  }
  return value;
}

/** Resolved settings of the clean stage (all required). */
export interface CleanConfig {
  readonly processedBucket: string;
  readonly maxObjectBytes: number;
}

/** Resolved settings of the tag stage (all required). */
export interface TagConfig {
  readonly processedBucket: string;
  readonly tableName: string;
}

/** Resolves the clean stage's settings from the environment, once per container. */
export function resolveCleanConfig(env: Environment): CleanConfig {
  const raw = env[PIPELINE_SPEC.env.maxObjectBytes];
  const maxObjectBytes = raw === undefined || raw === '' ? DEFAULT_MAX_BYTES : Number(raw);
  if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes <= 0) {
    throw new ConfigurationError(
      `${PIPELINE_SPEC.env.maxObjectBytes} must be a positive integer, got ${raw}`,
    );
  }
  return { processedBucket: requireEnv(env, PIPELINE_SPEC.env.processedBucket), maxObjectBytes };
}

/** Resolves the tag stage's settings from the environment, once per container. */
export function resolveTagConfig(env: Environment): TagConfig {
  return {
    processedBucket: requireEnv(env, PIPELINE_SPEC.env.processedBucket),
    tableName: requireEnv(env, PIPELINE_SPEC.env.tableName),
  };
}

/**
 * SDK settings of the functions' clients: throttling and 5xx answers are retried with exponential backoff
 * and jitter (the SDK's standard mode) up to this many attempts before the message itself is retried.
 */
export const SDK_CLIENT_CONFIG = { maxAttempts: 5, retryMode: 'standard' } as const;
