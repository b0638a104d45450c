import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Database } from '@coalition/platform';
import { EventMetadata, EventStore } from '@coalition/event-store';
import { createCoalitionDatabase } from '../lib/database';
import { runChild } from '../lib/processes';
import { log, now, percentile, perSecond, round, sleep } from '../lib/stats';

export const WRITERS = 16;

export type AppendSystem = 'ours' | 'emmett' | 'raw';

export interface AppendTask {
  kind: 'append';
  system: AppendSystem;
  seconds: number;
  warmupSeconds: number;
}

export interface AppendMeasurement {
  system: AppendSystem;
  events: number;
  seconds: number;
  eps: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  preload: number;
}

/**
 * One event per command with a pledge's payload, the same for every contender. Its type is
 * one no projection folds: the scale test later rebuilds over these events too.
 */
function pledgeEvent(writer: number, n: number) {
  const commandId = randomUUID();
  return {
    type: 'BenchmarkPledgeRecorded',
    data: { pledgeId: randomUUID(), compactId: 'c0a1b2c3-0000-4000-8000-000000000001', stateCode: 'WA', resourceType: 'ventilators', unit: 'unit', quantity: 10 + (n % 50), note: `writer ${writer}` },
    metadata: {
      actor: { id: randomUUID(), kind: 'user', stateCode: 'WA', roles: ['coordinator'] },
      commandId,
      correlationId: commandId,
      causationId: commandId,
    } as EventMetadata,
  };
}

export interface Contender {
  append(writer: number, version: number): Promise<void>;
  close(): Promise<void>;
}

export async function oursOn(db: Database): Promise<Contender> {
  const store = new EventStore(db);
  const run = randomUUID().slice(0, 8);
  return {
    append: async (writer, version) => {
      const event = pledgeEvent(writer, version);
      await store.append({
        streamId: `benchmark-${run}-${writer}`,
        streamType: 'benchmark',
        expectedVersion: version,
        events: [{ type: event.type, data: event.data }],
        metadata: event.metadata,
        recordedAt: new Date(),
      });
    },
    close: async () => undefined,
  };
}

async function emmett(url: string): Promise<Contender> {
  // Loaded here only: it is a devDependency of the benchmark and nothing else.
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const pool = new Pool({ connectionString: url, max: WRITERS });
  pool.on('error', () => undefined); // idle clients cut off when the database is dropped
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  const run = randomUUID().slice(0, 8);
  return {
    append: async (writer, version) => {
      const event = pledgeEvent(writer, version);
      await store.appendToStream(`benchmark-${run}-${writer}`, [event], { expectedStreamVersion: BigInt(version) });
    },
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The floor: one autocommitted INSERT per event into a copy of our events table (columns, keys and indexes). */
async function raw(url: string): Promise<Contender> {
  const pool = new Pool({ connectionString: url, max: WRITERS });
  pool.on('error', () => undefined);
  await pool.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
  await pool.query('CREATE SEQUENCE raw_events_position OWNED BY raw_events.position');
  await pool.query(`ALTER TABLE raw_events ALTER COLUMN position SET DEFAULT nextval('raw_events_position')`);
  const run = randomUUID().slice(0, 8);
  const hash = 'f'.repeat(64);
  return {
    append: async (writer, version) => {
      const event = pledgeEvent(writer, version);
      await pool.query(
        `INSERT INTO raw_events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES ($1, $2, 'benchmark', $3, $4, 1, $5, $6, $7, $8, $8)`,
        [randomUUID(), `benchmark-${run}-${writer}`, version + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date(), hash],
      );
    },
    close: () => pool.end(),
  };
}

/** `WRITERS` concurrent writers, each on its own stream: counts what commits after the warm-up. */
export async function runWriters(contender: Contender, system: AppendSystem, seconds: number, warmupSeconds: number, preload = 0): Promise<AppendMeasurement> {
  const versions = new Array<number>(WRITERS).fill(0);
  const latencies: number[] = [];
  let counting = false;
  let stop = false;
  let events = 0;
  const writer = async (i: number) => {
    while (!stop) {
      const started = now();
      await contender.append(i, versions[i]);
      versions[i] += 1;
      if (counting) {
        events += 1;
        latencies.push(now() - started);
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
  await sleep(warmupSeconds * 1000);
  counting = true;
  const started = now();
  await sleep(seconds * 1000);
  counting = false;
  const elapsed = now() - started;
  stop = true;
  await Promise.all(writers);
  return {
    system,
    events,
    seconds: round(elapsed / 1000, 2),
    eps: round(perSecond(events, elapsed)),
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
    preload,
  };
}

/** Child side: a fresh database per contender. */
export async function measureAppend(task: AppendTask): Promise<AppendMeasurement> {
  const database = await createCoalitionDatabase(WRITERS);
  try {
    const contender = task.system === 'ours' ? await oursOn(database.db) : task.system === 'emmett' ? await emmett(database.url) : await raw(database.url);
    try {
      return await runWriters(contender, task.system, task.seconds, task.warmupSeconds);
    } finally {
      await contender.close();
    }
  } finally {
    await database.drop();
  }
}

export interface AppendResult {
  ours_eps: number;
  emmett_eps: number;
  raw_pg_eps: number;
  rounds: AppendMeasurement[];
}

/** Parent side: each contender in its own process, interleaved over `rounds`, averaged. */
export async function appendSuite(options: { seconds: number; rounds: number }): Promise<AppendResult> {
  const rounds: AppendMeasurement[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const system of ['ours', 'emmett', 'raw'] as const) {
      const m = await runChild<AppendMeasurement>({ kind: 'append', system, seconds: options.seconds, warmupSeconds: 2 });
      log(`append/${system}: ${m.eps} events/s (p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms)`);
      rounds.push(m);
    }
  }
  const mean = (system: AppendSystem) => {
    const of = rounds.filter((r) => r.system === system);
    return Math.round(of.reduce((sum, r) => sum + r.eps, 0) / of.length);
  };
  return { ours_eps: mean('ours'), emmett_eps: mean('emmett'), raw_pg_eps: mean('raw'), rounds };
}
