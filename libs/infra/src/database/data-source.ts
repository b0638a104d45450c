import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { AppConfig } from '../config/config';
import { Database } from './database';
import { MIGRATIONS } from './migrations';

const MIGRATION_LOCK = 7_261_000;

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  embeddedDir?: string;
  poolSize?: number;
}

export const databaseOptionsFrom = (config: AppConfig): DatabaseOptions =>
  config.embedded ? { embeddedDir: resolve(config.dataDir, 'pglite') } : { url: config.databaseUrl, poolSize: config.dbPoolSize };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = !options.url;
  let dataSource: DataSource;
  if (embedded) {
    const dir = options.embeddedDir ?? 'memory://';
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
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
      extra: { max: options.poolSize ?? 10 },
    });
  }
  await dataSource.initialize();
  return new Database(dataSource, embedded);
}

/**
 * Api and worker may start together against a fresh database: a session advisory lock on a
 * dedicated runner makes the second wait for the first instead of racing it.
 */
export async function migrate(db: Database): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await db.dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
