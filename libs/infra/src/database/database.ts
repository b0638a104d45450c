import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';

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
   * function that stops. A lost connection is dropped quietly: callers use it to act sooner,
   * never as their only trigger. Embedded there is no server to listen to (a no-op).
   */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    if (this.singleConnection) return async () => undefined;
    const client = new Client({ connectionString: (this.dataSource.options as { url?: string }).url });
    client.on('error', () => undefined);
    client.on('notification', () => onNotify());
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    return () => client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async withRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
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

/** SQLSTATE classes and socket errors that say "the database is unreachable right now", not "this statement is wrong". */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P'];
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when a failure is about reaching PostgreSQL (connection lost, server shutting down,
 * too many connections) rather than about the work itself. Consumers retry such failures
 * instead of parking the message, which would skip a good event during a short outage.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SOCKET_CODES.has(code) || TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix)))) {
    return true;
  }
  return typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}
