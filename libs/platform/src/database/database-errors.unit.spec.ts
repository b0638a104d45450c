import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { classifyDatabaseError, DatabaseUnavailableError, isDatabaseUnavailable } from './database-errors';

const pgError = (code: string, message = 'server said no') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', pgError('57P02')],
    ['57P03 starting up', pgError('57P03', 'the database system is starting up')],
    ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
    ['57014 statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['55P03 lock not available', pgError('55P03')],
    ['08006 connection failure', pgError('08006')],
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', pgError('ECONNRESET', 'read ECONNRESET')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool acquisition timeout', new Error('timeout exceeded when trying to connect')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a client-side read timeout', new Error('Query read timeout')],
  ])('is true for %s, also inside TypeORM\'s QueryFailedError', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(classifyDatabaseError(wrapped(error))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('looks into an AggregateError (every address of the host refused)', () => {
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], 'connect failed'))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['bad input', pgError('22P02', 'invalid input syntax for type uuid')],
    ['a syntax error', pgError('42601')],
    ['a serialization failure', pgError('40001')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    // Unavailability only where Database knows a dropped connection released the runner.
    ['a released query runner on its own', new QueryRunnerAlreadyReleasedError()],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(classifyDatabaseError(error)).toBe(error);
  });

  it('keeps what happened as the cause', () => {
    const cause = pgError('57P01', 'terminating connection due to administrator command');
    const error = classifyDatabaseError(cause) as DatabaseUnavailableError;
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', cause });
    expect(error.message).toContain('administrator command');
  });
});
