import { UsageError } from './errors';

/** Parses a port option: an integer 0-65535 (0 picks a free port). */
export function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--${name} must be a port number`);
  return port;
}
