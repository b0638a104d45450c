import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { memberStateStreamId } from '@coalition/domain';
import { EventStore } from '@coalition/event-store';
import { createCoalitionDatabase } from '../lib/database';
import { deleteTopicsWithPrefix, kafkaBrokers } from '../lib/kafka';
import { RESULTS_DIR, runChild, startApp } from '../lib/processes';
import { seedEvents, STATE_CODES } from '../lib/seed';
import { log, now, percentile, perSecond, round, sleep } from '../lib/stats';

/**
 * How often the watcher reads the read model. Polling can only make a lag look longer (by up
 * to this much), never shorter. Measured alone, polling every 2 ms took 22 % of a core (node
 * 16 %, PostgreSQL 6 %) and every 5 ms 13 %: CPU that the system under test, on two cores,
 * needs more than the finer resolution.
 */
const WATCH_INTERVAL_MS = 5;

export interface LagTask {
  kind: 'projection-lag';
  rate: number;
  seconds: number;
}

export interface LagMeasurement {
  targetRate: number;
  achievedRate: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** From the append to the relay's mark of it as published (includes the send to Kafka). */
  appendToPublishedP50: number;
  appendToPublishedP99: number;
}

/**
 * Appends PopulationChanged events at a steady rate (one in flight per state, so each state's
 * values rise in commit order) while the built worker process relays them through Kafka into
 * the member-states read model; a watcher polls that table every couple of milliseconds and
 * records when each value first shows. Lag = first seen - the moment the append returned.
 */
export async function measureLag(task: LagTask): Promise<LagMeasurement> {
  const database = await createCoalitionDatabase(20);
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  const worker = await startApp(
    'worker',
    { DATABASE_URL: database.url, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn' },
    join(RESULTS_DIR, 'worker.log.tmp'),
  );
  const watcher = new Client({ connectionString: database.url });
  await watcher.connect();
  try {
    await seedEvents(database.db, STATE_CODES.length, { sent: false });
    const store = new EventStore(database.db);
    const visible = new Map<string, number>();
    const waitingSince = Date.now();
    while ((await watcher.query('SELECT count(*)::int AS n FROM rm_member_states')).rows[0].n < STATE_CODES.length) {
      if (Date.now() - waitingSince > 60_000) throw new Error('the worker did not project the member states within 60 s');
      await sleep(20);
    }

    // value -> commit time; resolved into lags by the watcher
    const pending = new Map<string, { population: number; committedAt: number; counted: boolean }[]>();
    const lags: number[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const rows = (await watcher.query<{ code: string; population: string }>('SELECT code, population FROM rm_member_states')).rows;
        const seenAt = now();
        for (const row of rows) {
          const population = Number(row.population);
          visible.set(row.code, population);
          const queue = pending.get(row.code);
          while (queue && queue.length > 0 && queue[0].population <= population) {
            const sample = queue.shift();
            if (sample?.counted) lags.push(seenAt - sample.committedAt);
          }
        }
        await sleep(WATCH_INTERVAL_MS);
      }
    })();

    const busy = new Set<string>();
    let issued = 0;
    let counted = 0;
    let counting = false;
    let next = 0;
    const appendOne = async (code: string, population: number) => {
      busy.add(code);
      try {
        const commandId = randomUUID();
        await store.append({
          streamId: memberStateStreamId(code),
          streamType: 'member-state',
          expectedVersion: 'any',
          events: [{ type: 'PopulationChanged', data: { code, population } }],
          metadata: { actor: { id: randomUUID(), kind: 'user', stateCode: null, roles: ['admin'] }, commandId, correlationId: commandId, causationId: commandId },
          recordedAt: new Date(),
        });
        const queue = pending.get(code) ?? [];
        queue.push({ population, committedAt: now(), counted: counting });
        pending.set(code, queue);
        if (counting) counted += 1;
      } finally {
        busy.delete(code);
      }
    };

    const inFlight = new Set<Promise<void>>();
    const warmupMs = 2000;
    const started = now();
    let measuredFrom = 0;
    let measuredTo = 0;
    for (;;) {
      const elapsed = now() - started;
      if (!counting && elapsed >= warmupMs && measuredFrom === 0) {
        counting = true;
        measuredFrom = now();
      }
      if (elapsed >= warmupMs + task.seconds * 1000) break;
      const due = Math.floor((elapsed / 1000) * task.rate);
      while (issued < due) {
        let chosen: string | undefined;
        for (let i = 0; i < STATE_CODES.length && !chosen; i++) {
          const code = STATE_CODES[(next + i) % STATE_CODES.length];
          if (!busy.has(code)) {
            chosen = code;
            next += i + 1;
          }
        }
        if (!chosen) break;
        issued += 1;
        const promise = appendOne(chosen, 2_000_000 + issued).finally(() => inFlight.delete(promise));
        inFlight.add(promise);
      }
      await sleep(1);
    }
    counting = false;
    measuredTo = now();
    await Promise.all(inFlight);
    const deadline = Date.now() + 15_000;
    while ([...pending.values()].some((q) => q.some((s) => s.counted)) && Date.now() < deadline) await sleep(10);
    watching = false;
    await watch;
    const lost = [...pending.values()].reduce((n, q) => n + q.filter((s) => s.counted).length, 0);
    if (lost > 0) throw new Error(`${lost} appended values never became visible`);
    // Where the time goes: from the append to the relay marking it published (both clocks
    // are this machine's), the rest is Kafka, the consumer and the projection's transaction.
    const [relay] = (
      await watcher.query<{ p50: number; p99: number }>(
        `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY d) AS p99
           FROM (SELECT extract(epoch FROM o.sent_at - e.recorded_at) * 1000 AS d
                   FROM outbox o JOIN events e USING (position) WHERE e.type = 'PopulationChanged') t`,
      )
    ).rows;
    return {
      targetRate: task.rate,
      achievedRate: round(perSecond(counted, measuredTo - measuredFrom)),
      samples: lags.length,
      p50: round(percentile(lags, 50), 1),
      p99: round(percentile(lags, 99), 1),
      max: round(Math.max(...lags), 1),
      appendToPublishedP50: round(Number(relay.p50), 1),
      appendToPublishedP99: round(Number(relay.p99), 1),
    };
  } finally {
    await watcher.end().catch(() => undefined);
    await worker.stop();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  }
}

export async function lagSuite(options: { rate: number; seconds: number }): Promise<LagMeasurement> {
  const m = await runChild<LagMeasurement>({ kind: 'projection-lag', rate: options.rate, seconds: options.seconds });
  log(`projection lag at ${m.achievedRate} events/s (target ${m.targetRate}): p50 ${m.p50} ms, p99 ${m.p99} ms, max ${m.max} ms over ${m.samples} events`);
  return m;
}
