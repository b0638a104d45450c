import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createCoalitionDatabase } from './database';
import { deleteTopicsWithPrefix, kafkaBrokers } from './kafka';
import { RESULTS_DIR, startApp } from './processes';

/** The administrator every bench api bootstraps. */
export const BENCH_ADMIN = { username: 'bench.admin', password: 'bench admin password' };

export interface BenchApi {
  url: string;
  /** Stops the api, drops its database and deletes its Kafka topics. */
  stop(): Promise<void>;
}

/**
 * The api as a process of its own (the production shape) on a fresh database (or on `databaseUrl`,
 * which it leaves in place) and a Kafka topic prefix of its own, with `BENCH_ADMIN` bootstrapped
 * and the per-principal rate limit lifted (it would cap a single caller). `env` adds to or
 * overrides that environment.
 */
export async function startBenchApi(env: Record<string, string>, options: { databaseUrl?: string } = {}): Promise<BenchApi> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createCoalitionDatabase(2);
  if ('db' in database) await database.db.close();
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  let api;
  try {
    api = await startApp(
      'api',
      {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        JWT_SECRET: randomBytes(24).toString('hex'),
        BOOTSTRAP_ADMIN_USERNAME: BENCH_ADMIN.username,
        BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN.password,
        RATE_LIMIT_PER_SECOND: '1000000',
        ...env,
      },
      join(RESULTS_DIR, 'api.log.tmp'),
    );
  } catch (error) {
    await database.drop();
    throw error;
  }
  const running = api;
  return {
    url: running.url,
    stop: async () => {
      await running.stop();
      await database.drop();
      await deleteTopicsWithPrefix(prefix).catch(() => undefined);
    },
  };
}
