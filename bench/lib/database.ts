import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database } from '@coalition/platform';
import { migrate, openDatabase } from '@coalition/event-store';

/** The server the benchmark creates its databases on (never a database that is kept). */
export const serverUrl = (): string => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database, even with connections still open. */
  drop(): Promise<void>;
}

const created = new Set<string>();

/** An empty database of its own on the real PostgreSQL, `coalition_bench_<hex>`. */
export async function createEmptyDatabase(): Promise<BenchDatabase> {
  const name = `coalition_bench_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  created.add(name);
  const url = withDatabase(serverUrl(), name);
  return {
    name,
    url,
    drop: async () => {
      created.delete(name);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh database migrated to Coalition's schema, with a pool of `poolSize` connections. */
export async function createCoalitionDatabase(poolSize = 10): Promise<BenchDatabase & { db: Database }> {
  const database = await createEmptyDatabase();
  // Seeding a million events and VACUUM ANALYZE of them take longer than a production statement may.
  const db = await openDatabase({ url: database.url, poolSize, timeouts: { connectMs: 10_000, statementMs: 3_600_000, idleInTransactionMs: 3_600_000 } });
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
  return {
    ...database,
    db,
    drop: async () => {
      await db.close().catch(() => undefined);
      await database.drop();
    },
  };
}

/** Drops whatever this process created and has not dropped yet (after a failure or Ctrl-C). */
export async function dropLeftovers(): Promise<void> {
  for (const name of [...created]) {
    created.delete(name);
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
  }
}

export async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
