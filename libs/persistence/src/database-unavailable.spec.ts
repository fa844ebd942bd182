import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** An error as pg raises it for a message from the server, with its SQLSTATE. */
function serverError(code: string, message = 'from the server'): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server shutting down (57P01 admin_shutdown)', serverError('57P01', 'terminating connection due to administrator command')],
    ['the server starting (57P03 cannot_connect_now)', serverError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', serverError('53300', 'sorry, too many clients already')],
    ['a crash of another backend (57P02)', serverError('57P02')],
    ['a connection failure (08006)', serverError('08006')],
    ['a server error wrapped by TypeORM', new QueryFailedError('INSERT ...', [], serverError('57P01'))],
    ['the connection refused', socketError('ECONNREFUSED')],
    ['the connection reset', socketError('ECONNRESET')],
    ['an unknown host', socketError('ENOTFOUND')],
    ['the connection ended under a query (pg)', new Error('Connection terminated unexpectedly')],
    ['the same, wrapped by TypeORM', new QueryFailedError('COMMIT', [], new Error('Connection terminated unexpectedly'))],
    ['a client broken by an earlier connection error', new Error('Client has encountered a connection error and is not queryable')],
    ['no pooled connection within the timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection attempt timed out (pg-pool, with the cause)', new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') })],
  ])('recognises %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', new QueryFailedError('INSERT ...', [], serverError('23505', 'duplicate key value'))],
    ['a bad value (22P02)', serverError('22P02', 'invalid input syntax for type uuid')],
    ['a cancelled statement (57014 query_canceled)', serverError('57014')],
    ['a protocol violation (08P01, a bug, not an outage)', serverError('08P01')],
    ['an ordinary error', new Error('something else')],
    ['something that is not an error', 'Connection terminated'],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops following a chain of causes that loops', () => {
    const looping = new Error('first') as Error & { cause?: unknown };
    looping.cause = looping;
    expect(isDatabaseUnavailable(looping)).toBe(false);
  });
});
