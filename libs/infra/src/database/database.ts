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
