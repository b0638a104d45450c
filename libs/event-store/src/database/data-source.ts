import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, MigrationExecutor } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { AppConfig, Database, lockDataDir } from '@coalition/platform';
import { MIGRATIONS } from './migrations';

const MIGRATION_LOCK = 7_261_000;

export interface DatabaseTimeouts {
  /** Connecting, and waiting for a connection of the pool. */
  connectMs: number;
  /** Any one statement (server-side `statement_timeout`; lock waits count). */
  statementMs: number;
  /** A transaction left idle, by a process that hangs or dies (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000 };

/** How much longer than the server's statement timeout the client waits for an answer before it gives the connection up. */
const CLIENT_READ_MARGIN_MS = 5_000;

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  embeddedDir?: string;
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
  /** Shown in pg_stat_activity: which process holds a connection. */
  applicationName?: string;
  /** Embedded only: who holds the data directory, in words, for the lock file (see DataDirInUse). */
  holder?: string;
}

export const embeddedDirOf = (config: Pick<AppConfig, 'dataDir'>): string => resolve(config.dataDir, 'pglite');

export const databaseOptionsFrom = (config: AppConfig, applicationName?: string): DatabaseOptions =>
  config.embedded
    ? { embeddedDir: embeddedDirOf(config), holder: applicationName === 'coalition-embedded' ? `the Coalition api on http://localhost:${config.port}` : undefined }
    : { url: config.databaseUrl, poolSize: config.dbPoolSize, timeouts: config.dbTimeouts, applicationName };

/**
 * node-postgres settings that bound every operation: the server cancels a statement after
 * `statement_timeout` and ends a forgotten transaction after the idle timeout; the client gives
 * up connecting (or waiting for a pooled connection) after `connectionTimeoutMillis`, and waits
 * for an answer at most `query_timeout` (a server that stopped answering without closing the
 * socket). TCP keep-alive notices a peer that vanished.
 */
function poolSettings(options: DatabaseOptions) {
  const timeouts = options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  return {
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    query_timeout: timeouts.statementMs + CLIENT_READ_MARGIN_MS,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = !options.url;
  let dataSource: DataSource;
  let release: (() => void) | undefined;
  if (embedded) {
    const dir = options.embeddedDir ?? 'memory://';
    if (!dir.startsWith('memory://')) {
      // PGlite is single-process: a second opener would abort inside WebAssembly. Refuse it in words instead.
      release = lockDataDir(dir, options.holder);
      mkdirSync(dir, { recursive: true });
    }
    dataSource = new DataSource({
      type: 'postgres',
      driver: new PGliteDriver({ dataDir: dir }).driver,
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migrations',
    });
  } else {
    dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migrations',
      extra: poolSettings(options),
    });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    release?.();
    throw error;
  }
  return new Database(dataSource, embedded, release);
}

/**
 * Api and worker may start together against a fresh database: a session advisory lock on a
 * dedicated runner makes the second wait for the first instead of racing it. The migrations run
 * on that same session with no statement timeout: a migration (or the wait for another
 * process's) takes as long as it takes, unlike the work of a running process.
 */
export async function migrate(db: Database): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(db.dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
