import { fold, memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database, Queryable } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { CommandExecutor, EventStore, InProcessBus, OutboxRelay, StoredEvent, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { ALL_PROJECTIONS } from '../read-models';
import { memberStatesProjection } from '../read-models/member-states/member-states.projection';
import { CheckpointWaiter } from './checkpoint-waiter';
import { DeadLetterQueue } from './dead-letters';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjections } from './rebuild';

const TOPIC = TOPICS.events;

interface StateRow {
  code: string;
  name: string;
  population: number;
}

describe('ProjectionRunner and the read side (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let executor: CommandExecutor;

  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    db = testDb.db;
    store = new EventStore(db);
    executor = new CommandExecutor(store);
  });

  afterEach(async () => {
    await testDb?.drop();
  });

  /** Runs a command and answers the events it wrote. */
  const run = async (code: string, command: MemberStateCommand): Promise<StoredEvent[]> =>
    (await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin })).events;
  const register = (code: string, population: number) =>
    run(code, { type: 'RegisterState', data: { code, name: `State ${code}`, population } });
  const changePopulation = (code: string, population: number) => run(code, { type: 'ChangePopulation', data: { code, population } });

  const states = async (): Promise<StateRow[]> =>
    (await db.query<{ code: string; name: string; population: string }>('SELECT code, name, population FROM rm_member_states ORDER BY code')).map(
      (r) => ({ code: r.code, name: r.name, population: Number(r.population) }),
    );

  const checkpoint = async (projection: string, partition: number): Promise<number | undefined> => {
    const [row] = await db.query<{ position: string }>(
      'SELECT position FROM projection_checkpoints WHERE projection = $1 AND topic = $2 AND partition = $3',
      [projection, TOPIC, partition],
    );
    return row ? Number(row.position) : undefined;
  };

  /** A projection that writes nothing and counts what it is given: any repeated apply shows. */
  const countingProjection = (applied: number[]): Projection => ({
    name: 'counting',
    topic: TOPIC,
    tables: [],
    eventTypes: memberStatesProjection.eventTypes,
    apply: async (event) => void applied.push(event.position),
  });

  /** The member-state read model as the event store says it should be. */
  const expectedFromEventStore = async (): Promise<StateRow[]> => {
    const streams = new Set((await store.readAll(0, 10_000)).filter((e) => e.streamType === 'member-state').map((e) => e.streamId));
    const rows: StateRow[] = [];
    for (const streamId of streams) {
      const state = fold(memberStateDecider, (await store.readStream(streamId)) as never[]);
      if (state.status === 'registered') rows.push({ code: state.code, name: state.name, population: state.population });
    }
    return rows.sort((a, b) => a.code.localeCompare(b.code));
  };

  it('applies a batch delivered twice only once', async () => {
    const applied: number[] = [];
    const runner = new ProjectionRunner(db, [memberStatesProjection, countingProjection(applied)], new DeadLetterQueue(db));
    const first = [...(await register('AA', 100)), ...(await changePopulation('AA', 200))];
    await runner.handle(TOPIC, 0, first);
    const later = await changePopulation('AA', 300);
    await runner.handle(TOPIC, 0, later);
    const before = await states();
    expect(before).toEqual([{ code: 'AA', name: 'State AA', population: 300 }]);

    // Kafka redelivers the first batch (a consumer restart before its offset commit).
    await runner.handle(TOPIC, 0, first);
    // Re-applying PopulationChanged(200) would have set the population back from 300.
    expect(await states()).toEqual(before);
    await runner.handle(TOPIC, 0, later);
    expect(await states()).toEqual(before);
    expect(applied).toEqual([...first, ...later].map((e) => e.position));
    expect(await checkpoint('member-states', 0)).toBe(later[0].position);
  });

  it('applies only the new tail of a redelivered batch that overlaps what was applied', async () => {
    const applied: number[] = [];
    const runner = new ProjectionRunner(db, [memberStatesProjection, countingProjection(applied)], new DeadLetterQueue(db));
    const a = await register('AB', 1);
    const b = await changePopulation('AB', 2);
    const c = await changePopulation('AB', 3);
    await runner.handle(TOPIC, 0, [...a, ...b]);
    await runner.handle(TOPIC, 0, [...a, ...b, ...c]);
    expect(applied).toEqual([...a, ...b, ...c].map((e) => e.position));
    expect(await states()).toEqual([{ code: 'AB', name: 'State AB', population: 3 }]);
  });

  it('applies every event when two partitions deliver interleaved, one ahead of the other', async () => {
    const applied: number[] = [];
    const runner = new ProjectionRunner(db, [memberStatesProjection, countingProjection(applied)], new DeadLetterQueue(db));
    // Stream XA lives on partition 0 and XB on partition 1; their positions interleave.
    const p0: StoredEvent[] = [];
    const p1: StoredEvent[] = [];
    p0.push(...(await register('XA', 10)));
    p1.push(...(await register('XB', 20)));
    for (let i = 1; i <= 3; i++) {
      p0.push(...(await changePopulation('XA', 10 + i)));
      p1.push(...(await changePopulation('XB', 20 + i)));
    }

    // Partition 1 runs ahead: all of it arrives before partition 0 has delivered anything.
    await runner.handle(TOPIC, 1, p1.slice(0, 2));
    await runner.handle(TOPIC, 1, p1.slice(2));
    await runner.handle(TOPIC, 0, p0.slice(0, 1));
    await runner.handle(TOPIC, 0, p0.slice(1, 3));
    await runner.handle(TOPIC, 1, p1); // a redelivery on the way
    await runner.handle(TOPIC, 0, p0.slice(3));

    expect(await states()).toEqual([
      { code: 'XA', name: 'State XA', population: 13 },
      { code: 'XB', name: 'State XB', population: 23 },
    ]);
    expect([...applied].sort((x, y) => x - y)).toEqual([...p0, ...p1].map((e) => e.position).sort((x, y) => x - y));
    expect(await checkpoint('member-states', 0)).toBe(p0[p0.length - 1].position);
    expect(await checkpoint('member-states', 1)).toBe(p1[p1.length - 1].position);
  });

  it('dead-letters an event whose apply keeps failing and still applies the events after it', async () => {
    const attempts = new Map<number, number>();
    const poisoned: Projection = {
      ...memberStatesProjection,
      name: 'member-states-poisoned',
      applyBatch: undefined, // its own apply is what fails: no batch path around it
      async apply(event: StoredEvent, tx: Queryable) {
        attempts.set(event.position, (attempts.get(event.position) ?? 0) + 1);
        if (event.data.population === 666) throw new Error('cannot project 666');
        await memberStatesProjection.apply(event, tx);
      },
    };
    const runner = new ProjectionRunner(db, [poisoned], new DeadLetterQueue(db));
    const batch = [
      ...(await register('DL', 1)),
      ...(await changePopulation('DL', 666)),
      ...(await changePopulation('DL', 7)),
      ...(await register('DM', 5)),
    ];
    const bad = batch[1];

    await runner.handle(TOPIC, 2, batch);

    expect(await states()).toEqual([
      { code: 'DL', name: 'State DL', population: 7 },
      { code: 'DM', name: 'State DM', population: 5 },
    ]);
    const letters = await db.query<{ consumer: string; topic: string; partition: number; position: string; event_id: string; error: string; payload: { position: number; type: string } }>(
      'SELECT consumer, topic, partition, position, event_id, error, payload FROM dead_letters',
    );
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ consumer: 'projection:member-states-poisoned', topic: TOPIC, partition: 2, event_id: bad.eventId });
    expect(Number(letters[0].position)).toBe(bad.position);
    expect(letters[0].error).toContain('cannot project 666');
    expect(letters[0].payload).toMatchObject({ position: bad.position, type: 'coalition.member-state.population-changed.v1' });
    expect(attempts.get(bad.position)).toBeGreaterThan(1); // it was retried before being parked
    expect(await checkpoint('member-states-poisoned', 2)).toBe(batch[batch.length - 1].position);

    // Redelivery neither parks it again nor re-applies anything.
    await runner.handle(TOPIC, 2, batch);
    expect(await db.query('SELECT 1 FROM dead_letters')).toHaveLength(1);
    expect(await states()).toEqual([
      { code: 'DL', name: 'State DL', population: 7 },
      { code: 'DM', name: 'State DM', population: 5 },
    ]);
  });

  it('hands a lost database connection back to the transport instead of dead-lettering the event', async () => {
    let failing = true;
    const flaky: Projection = {
      ...memberStatesProjection,
      name: 'member-states-flaky',
      applyBatch: undefined,
      async apply(event: StoredEvent, tx: Queryable) {
        if (failing) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        await memberStatesProjection.apply(event, tx);
      },
    };
    const runner = new ProjectionRunner(db, [flaky], new DeadLetterQueue(db));
    const batch = await register('DX', 3);

    await expect(runner.handle(TOPIC, 0, batch)).rejects.toThrow('administrator command');
    expect(await db.query('SELECT 1 FROM dead_letters')).toHaveLength(0);
    expect((await checkpoint('member-states-flaky', 0)) ?? 0).toBe(0); // not moved past the event

    // The transport redelivers once the database is back, and nothing was skipped.
    failing = false;
    await runner.handle(TOPIC, 0, batch);
    expect(await states()).toEqual([{ code: 'DX', name: 'State DX', population: 3 }]);
  });

  it('answers CheckpointWaiter.reached(position) only once every partition has been processed up to it', async () => {
    const runner = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    const waiter = new CheckpointWaiter(db, ALL_PROJECTIONS);
    // Positions 1 and 3 on partition 0, 2 and 4 on partition 1.
    const [a1] = await register('WA', 1);
    const [b1] = await register('WB', 1);
    const [a2] = await changePopulation('WA', 2);
    const [b2] = await changePopulation('WB', 2);
    expect([a1, b1, a2, b2].map((e) => e.position)).toEqual([1, 2, 3, 4]);

    // Not yet published by the relay: nothing is reached.
    expect(await waiter.reached(1)).toBe(false);

    // Mark them sent as the relay does, with the topic and the partition each went to.
    await db.query(
      `UPDATE outbox SET sent_at = now(), topic = $1, partition = CASE WHEN position IN (1, 3) THEN 0 ELSE 1 END WHERE position <= 4`,
      [TOPIC],
    );
    expect(await waiter.reached(1)).toBe(false);
    expect(await waiter.reached(4)).toBe(false);

    await runner.handle(TOPIC, 1, [b1, b2]); // partition 1 is done, partition 0 not started
    expect(await waiter.reached(1)).toBe(false);
    expect(await waiter.reached(2)).toBe(false);
    expect(await waiter.reached(4)).toBe(false);

    await runner.handle(TOPIC, 0, [a1]);
    expect(await waiter.reached(1)).toBe(true);
    expect(await waiter.reached(2)).toBe(true);
    expect(await waiter.reached(3)).toBe(false);
    expect(await waiter.reached(4)).toBe(false);

    // waitFor gives up in time, then sees the runner catch up while it waits.
    expect(await waiter.waitFor(4, 150)).toBe(false);
    const waiting = waiter.waitFor(4, 5_000);
    setTimeout(() => void runner.handle(TOPIC, 0, [a2]), 100);
    expect(await waiting).toBe(true);
    expect(await waiter.reached(3)).toBe(true);

    // A later, unpublished event does not hold back what was already reached.
    const [a3] = await changePopulation('WA', 3);
    expect(await waiter.reached(4)).toBe(true);
    expect(await waiter.reached(a3.position)).toBe(false);
  });

  it('answers reached(position) after the real relay delivered through the in-process bus', async () => {
    const runner = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    const bus = new InProcessBus();
    bus.subscribe(runner);
    const relay = new OutboxRelay(db, bus, { batchSize: 3, intervalMs: 20 });
    const waiter = new CheckpointWaiter(db, ALL_PROJECTIONS);

    await register('RA', 1);
    await register('RB', 1);
    const [last] = await changePopulation('RA', 5);
    expect(await waiter.reached(last.position)).toBe(false);

    expect(await relay.drainOnce()).toBe(3);
    expect(await waiter.reached(last.position)).toBe(true);
    expect(await states()).toEqual([
      { code: 'RA', name: 'State RA', population: 5 },
      { code: 'RB', name: 'State RB', population: 1 },
    ]);

    relay.start();
    try {
      const unsubscribe = store.onAppended(() => relay.nudge());
      const [next] = await changePopulation('RB', 9);
      expect(await waiter.waitFor(next.position, 5_000)).toBe(true);
      expect(await states()).toContainEqual({ code: 'RB', name: 'State RB', population: 9 });
      unsubscribe();
    } finally {
      await relay.stop();
    }
  });

  it('rebuilds rm_member_states to the same content from the event store, and keeps consuming after', async () => {
    const runner = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    const bus = new InProcessBus();
    bus.subscribe(runner);
    const relay = new OutboxRelay(db, bus, { batchSize: 4, intervalMs: 20 });
    const codes = ['RA', 'RB', 'RC', 'RD', 'RE'];
    for (const code of codes) await register(code, 1_000);
    for (let i = 1; i <= 3; i++) for (const code of codes.slice(0, i + 1)) await changePopulation(code, 1_000 + i * 10);
    while ((await relay.drainOnce()) > 0);

    const live = await states();
    expect(live).toEqual(await expectedFromEventStore());
    const liveCheckpoint = await checkpoint('member-states', 0);

    // The read model drifts (a bad manual fix, a lost row).
    await db.query(`UPDATE rm_member_states SET population = 0, name = 'wrong'`);
    await db.query(`DELETE FROM rm_member_states WHERE code = 'RC'`);
    await db.query(`INSERT INTO rm_member_states (code, name, population) VALUES ('ZZ', 'Ghost', 1)`);

    const head = await store.head();
    const report = await rebuildProjections(db, ALL_PROJECTIONS);
    expect(report).toMatchObject({ events: head.position, headPosition: head.position });
    expect(report.projections).toEqual(expect.arrayContaining(['member-states']));
    expect(await states()).toEqual(live);
    expect(await checkpoint('member-states', 0)).toBe(liveCheckpoint);

    // Redelivery after the rebuild repeats nothing; a new event still arrives.
    const all = await store.readAll(0, 1_000);
    await runner.handle(TOPIC, 0, all);
    expect(await states()).toEqual(live);
    await changePopulation('RE', 5);
    while ((await relay.drainOnce()) > 0);
    expect(await states()).toEqual(await expectedFromEventStore());
    expect(await states()).toContainEqual({ code: 'RE', name: 'State RE', population: 5 });
  });

  it('rebuilds only what the relay published; the rest arrives afterwards and is not skipped', async () => {
    const runner = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    const bus = new InProcessBus();
    bus.subscribe(runner);
    const relay = new OutboxRelay(db, bus, { batchSize: 100, intervalMs: 20 });
    await register('UA', 1);
    await register('UB', 1);
    await relay.drainOnce();
    const published = (await store.head()).position;
    await changePopulation('UA', 2); // not yet published
    await register('UC', 3);

    await db.query('TRUNCATE rm_member_states');
    const report = await rebuildProjections(db, ALL_PROJECTIONS);
    expect(report.headPosition).toBe(published);
    expect(await states()).toEqual([
      { code: 'UA', name: 'State UA', population: 1 },
      { code: 'UB', name: 'State UB', population: 1 },
    ]);

    while ((await relay.drainOnce()) > 0);
    expect(await states()).toEqual(await expectedFromEventStore());
    expect(await states()).toHaveLength(3);
  });
});
