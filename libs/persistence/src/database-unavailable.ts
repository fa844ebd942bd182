import { causes } from '#ikm/observability';

/**
 * SQLSTATEs (PostgreSQL, Appendix A) that say the server cannot be used right now, not that the
 * statement is wrong: trying again later can succeed.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '08007', // transaction_resolution_unknown
  '53300', // too_many_connections
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or in recovery
]);

/** Socket errors of Node's net and dns modules when the server cannot be reached. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * pg and pg-pool raise these without a code (pg 8.23, pg-pool 3.14): the connection ended under a
 * query, a client broken by an earlier connection error was used, or no connection could be had
 * within `connectionTimeoutMillis` (the server does not answer, or every pooled one is busy).
 */
const UNAVAILABLE_MESSAGES = new Set([
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'timeout expired',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);

/**
 * Whether an error of pg or TypeORM means the database is unreachable, starting, stopping or full,
 * rather than that this request or the code is at fault: then the caller gets a 503 and the same
 * request can succeed later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return [...causes(error)].some(
    ({ code, message }) =>
      (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNREACHABLE_CODES.has(code))) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGES.has(message)),
  );
}
