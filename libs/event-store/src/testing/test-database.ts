import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, openDatabase } from '../database/data-source';
import { Database } from '@coalition/platform';

/** The server integration tests create their databases on; never a database that is kept. */
export const testServerUrl = (): string => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  /** Connection URL of the fresh database, for a second pool (a second "process") on it. */
  url: string;
  /** Closes `db` and drops the database, even if other connections are still open. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Pool size of `db` (default 10, as in production). */
  poolSize?: number;
  /** The server to create it on (default: testServerUrl()), for a test that runs a server of its own. */
  serverUrl?: string;
}

/**
 * A brand-new, migrated database on the real PostgreSQL server, named
 * `coalition_t_<random hex>` so test files (and parallel runs) never share state.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? testServerUrl();
  const name = `coalition_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabaseName(serverUrl, name);
  let db: Database | undefined;
  const drop = async (): Promise<void> => {
    await db?.close().catch(() => undefined);
    await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    db = await openDatabase({ url, poolSize: options.poolSize });
    await migrate(db);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { db, url, drop };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Brokers of the shared test Kafka (the suite's global setup exports KAFKA_BROKERS). */
export const testKafkaBrokers = (): string[] =>
  (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);

/** A topic prefix of its own for each test (`t<hex>.`), so tests never read each other's messages. */
export const uniqueTopicPrefix = (): string => `t${randomBytes(5).toString('hex')}.`;
