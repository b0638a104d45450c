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

interface Sample {
  population: number;
  committedAt: number;
  counted: boolean;
}

/** Committed values per state, waiting to be seen in the read model, and the lags of those seen. */
class LagBook {
  private readonly pending = new Map<string, Sample[]>();
  readonly lags: number[] = [];
  /** Whether commits now count (after the warm-up, before the end). */
  counting = false;
  counted = 0;

  committed(code: string, population: number): void {
    const queue = this.pending.get(code) ?? [];
    queue.push({ population, committedAt: now(), counted: this.counting });
    this.pending.set(code, queue);
    if (this.counting) this.counted += 1;
  }

  seen(code: string, population: number, seenAt: number): void {
    const queue = this.pending.get(code);
    while (queue && queue.length > 0 && queue[0].population <= population) {
      const sample = queue.shift();
      if (sample?.counted) this.lags.push(seenAt - sample.committedAt);
    }
  }

  /** Counted values not yet seen. */
  outstanding(): number {
    return [...this.pending.values()].reduce((n, q) => n + q.filter((s) => s.counted).length, 0);
  }
}

/** Polls the read model every WATCH_INTERVAL_MS and books every value it shows, until stopped. */
function watchReadModel(watcher: Client, book: LagBook): { stop(): Promise<void> } {
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const rows = (await watcher.query<{ code: string; population: string }>('SELECT code, population FROM rm_member_states')).rows;
      const seenAt = now();
      for (const row of rows) book.seen(row.code, Number(row.population), seenAt);
      await sleep(WATCH_INTERVAL_MS);
    }
  })();
  return {
    stop: async () => {
      watching = false;
      await watch;
    },
  };
}

async function waitForStates(watcher: Client): Promise<void> {
  const waitingSince = Date.now();
  while ((await watcher.query('SELECT count(*)::int AS n FROM rm_member_states')).rows[0].n < STATE_CODES.length) {
    if (Date.now() - waitingSince > 60_000) throw new Error('the worker did not project the member states within 60 s');
    await sleep(20);
  }
}

const appendPopulation = (store: EventStore, code: string, population: number) => {
  const commandId = randomUUID();
  return store.append({
    streamId: memberStateStreamId(code),
    streamType: 'member-state',
    expectedVersion: 'any',
    events: [{ type: 'PopulationChanged', data: { code, population } }],
    metadata: { actor: { id: randomUUID(), kind: 'user', stateCode: null, roles: ['admin'] }, commandId, correlationId: commandId, causationId: commandId },
    recordedAt: new Date(),
  });
};

/** The next state with no append in flight, round robin from `next`, and where to look from after it. */
function nextFreeState(busy: ReadonlySet<string>, next: number): { code: string; next: number } | undefined {
  for (let i = 0; i < STATE_CODES.length; i++) {
    const code = STATE_CODES[(next + i) % STATE_CODES.length];
    if (!busy.has(code)) return { code, next: next + i + 1 };
  }
  return undefined;
}

/** Appends at `task.rate` for a 2 s warm-up and then `task.seconds`, one in flight per state; answers the measured window. */
async function appendAtRate(store: EventStore, book: LagBook, task: LagTask): Promise<{ from: number; to: number }> {
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const warmupMs = 2000;
  const started = now();
  let issued = 0;
  let next = 0;
  let from = 0;
  for (;;) {
    const elapsed = now() - started;
    if (!book.counting && elapsed >= warmupMs && from === 0) {
      book.counting = true;
      from = now();
    }
    if (elapsed >= warmupMs + task.seconds * 1000) break;
    const due = Math.floor((elapsed / 1000) * task.rate);
    while (issued < due) {
      const chosen = nextFreeState(busy, next);
      if (!chosen) break;
      next = chosen.next;
      issued += 1;
      const population = 2_000_000 + issued;
      busy.add(chosen.code);
      const promise = appendPopulation(store, chosen.code, population)
        .then(() => book.committed(chosen.code, population))
        .finally(() => {
          busy.delete(chosen.code);
          inFlight.delete(promise);
        });
      inFlight.add(promise);
    }
    await sleep(1);
  }
  book.counting = false;
  const to = now();
  await Promise.all(inFlight);
  return { from, to };
}

/**
 * From the append to the relay marking it published (both clocks are this machine's); the rest
 * of a lag is Kafka, the consumer and the projection's transaction.
 */
async function appendToPublished(watcher: Client): Promise<{ p50: number; p99: number }> {
  const [relay] = (
    await watcher.query<{ p50: number; p99: number }>(
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY d) AS p99
         FROM (SELECT extract(epoch FROM o.sent_at - e.recorded_at) * 1000 AS d
                 FROM outbox o JOIN events e USING (position) WHERE e.type = 'PopulationChanged') t`,
    )
  ).rows;
  return { p50: Number(relay.p50), p99: Number(relay.p99) };
}

/**
 * Appends PopulationChanged events at a steady rate (one in flight per state, so each state's
 * values rise in commit order) while the built worker process relays them through Kafka into
 * the member-states read model; a watcher polls that table every few milliseconds and
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
    await waitForStates(watcher);
    const book = new LagBook();
    const watching = watchReadModel(watcher, book);
    const window = await appendAtRate(new EventStore(database.db), book, task);
    const deadline = Date.now() + 15_000;
    while (book.outstanding() > 0 && Date.now() < deadline) await sleep(10);
    await watching.stop();
    const lost = book.outstanding();
    if (lost > 0) throw new Error(`${lost} appended values never became visible`);
    const relay = await appendToPublished(watcher);
    return {
      targetRate: task.rate,
      achievedRate: round(perSecond(book.counted, window.to - window.from)),
      samples: book.lags.length,
      p50: round(percentile(book.lags, 50), 1),
      p99: round(percentile(book.lags, 99), 1),
      max: round(Math.max(...book.lags), 1),
      appendToPublishedP50: round(relay.p50, 1),
      appendToPublishedP99: round(relay.p99, 1),
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
