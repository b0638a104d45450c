/**
 * The database could not do the work for reasons of its own (down, restarting, out of
 * connections, a statement or lock timed out), not because the work was wrong. The api answers
 * it with 503 `DATABASE_UNAVAILABLE` and `Retry-After`; the worker's loops back off and retry.
 *
 * After a failure at COMMIT the transaction may or may not have committed: that is why a
 * caller retries a command with its `Idempotency-Key`, which makes the retry answer what the
 * first attempt stored if it did commit.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(cause: unknown) {
    super(`the database is unavailable: ${messageOf(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * SQLSTATEs that say "not now" rather than "not this": class 08 (connection exception),
 * 53 (insufficient resources: 53300 too many connections, 53100 disk full, 53200 out of memory),
 * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting
 * down), 57014 query canceled (statement_timeout), 55P03 lock not available (lock_timeout),
 * 25P03 idle-in-transaction timeout, 58000/58030 system and I/O errors.
 */
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '53'];
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '57014', '55P03', '25P03', '58000', '58030']);

/** Socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * What node-postgres, pg-pool and TypeORM say when a connection is lost, cannot be made in time
 * or cannot be had from the pool in time; none of these carry a code.
 */
const UNAVAILABLE_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'Client was closed and is not queryable',
    'Query read timeout',
    'the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)',
    'terminating connection due to administrator command',
    'server closed the connection unexpectedly',
  ].join('|'),
  'i',
);

/**
 * The one classification of "the database is unavailable right now". It looks through the
 * wrappers (TypeORM's QueryFailedError keeps the driver's error in `driverError`, and ours
 * keeps it in `cause`). TypeORM's QueryRunnerAlreadyReleasedError is not in this list on
 * purpose: it is unavailability only when a dropped connection released the runner, which
 * `Database` knows and turns into a DatabaseUnavailableError where it happens.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const { code, message, driverError, cause, errors } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // An AggregateError: every address of the host refused.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** The error as it should travel on: a DatabaseUnavailableError when it is one, else unchanged. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return error;
  return new DatabaseUnavailableError(error);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
