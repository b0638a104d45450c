import { ClientConfig } from 'pg';
import { DataSource, QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { classifyDatabaseError, DatabaseUnavailableError, isDatabaseUnavailable } from './database-errors';
import { NotificationListener } from './notification-listener';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The one way the rest of the code talks to PostgreSQL: plain parameterised SQL, and
 * transactions as callbacks so nothing can leak an open transaction.
 *
 * PGlite (the embedded default) is a single connection: two interleaved transactions would
 * share it. `exclusive` serialises every use there; on a real server it is a no-op.
 */
export class Database implements Queryable {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataSource: DataSource,
    private readonly singleConnection: boolean,
    /** Runs once the connection is closed (the embedded data directory's lock is released). */
    private readonly onClose?: () => void,
  ) {}

  get isEmbedded(): boolean {
    return this.singleConnection;
  }

  query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.exclusive(() => this.withRunner((runner) => runQuery<T>(runner, sql, params)));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.exclusive(() =>
      this.withRunner(async (runner) => {
        await runner.startTransaction();
        try {
          const result = await work({ query: (sql, params = []) => runQuery(runner, sql, params) });
          await runner.commitTransaction();
          return result;
        } catch (error) {
          if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  /**
   * LISTENs on a connection of its own and calls `onNotify` for each notification; answers a
   * function that stops. A lost connection is made again in the background (see
   * NotificationListener): callers use it to act sooner, never as their only trigger.
   * Embedded there is no server to listen to (a no-op).
   */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const config = this.sessionConfig();
    if (!config) return async () => undefined;
    const listener = new NotificationListener(config, channel, onNotify);
    await listener.start();
    return () => listener.stop();
  }

  /**
   * Settings for a connection of its own, outside the pool (a LISTEN, a session lock), with
   * the pool's connect timeout and keep-alive; undefined when embedded (there is no server).
   */
  sessionConfig(): ClientConfig | undefined {
    if (this.singleConnection) return undefined;
    const options = this.dataSource.options as { url?: string; extra?: { connectionTimeoutMillis?: number; application_name?: string } };
    return { connectionString: options.url, connectionTimeoutMillis: options.extra?.connectionTimeoutMillis, keepAlive: true, application_name: options.extra?.application_name };
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.onClose?.();
  }

  /**
   * Runs `work` on a connection of the pool. When the database turns out to be unavailable
   * the connection is handed back as broken, so the pool closes it instead of lending it out
   * again (after a failed COMMIT or a client-side timeout its state is unknown), and the error
   * leaves as a DatabaseUnavailableError. The runner is released only here, after `work`: so
   * a QueryRunnerAlreadyReleasedError inside `work` means TypeORM released it because the
   * connection dropped, which is unavailability too.
   */
  private async withRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    let broken: unknown;
    try {
      return await work(runner);
    } catch (error) {
      const classified = error instanceof QueryRunnerAlreadyReleasedError ? new DatabaseUnavailableError(error) : classifyDatabaseError(error);
      if (classified instanceof DatabaseUnavailableError) broken = classified;
      throw classified;
    } finally {
      const releaseBroken = (runner as { releasePostgresConnection?: (error: unknown) => Promise<void> }).releasePostgresConnection;
      if (broken !== undefined && releaseBroken) await releaseBroken.call(runner, broken).catch(() => undefined);
      else await runner.release().catch(() => undefined);
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.singleConnection) return work();
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

async function runQuery<T>(runner: QueryRunner, sql: string, params: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, params, true);
  return (result.records ?? []) as T[];
}

/** @deprecated the same as isDatabaseUnavailable (database-errors.ts), which is the one classification. */
export const isTransientDatabaseError = isDatabaseUnavailable;
