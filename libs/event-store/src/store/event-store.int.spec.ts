import { memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase } from '../testing';
import { CommandExecutor } from './command-executor';
import { AppendRequest, AppendResult, EventStore, WithinAppend } from './event-store';
import { WrongExpectedVersion } from './event-store.errors';

const metadata: AppendRequest['metadata'] = {
  actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] },
  commandId: 'cmd',
  correlationId: 'cmd',
  causationId: 'cmd',
};

const appendRequest = (streamId: string, expectedVersion: number | 'any', types: string[], streamType = 'member-state'): AppendRequest => ({
  streamId,
  streamType,
  expectedVersion,
  events: types.map((type, i) => ({ type, data: { n: i } })),
  metadata,
  recordedAt: new Date(),
});

const register = (code: string, population = 1_000): MemberStateCommand => ({
  type: 'RegisterState',
  data: { code, name: `State ${code}`, population },
});
const changePopulation = (code: string, population: number): MemberStateCommand => ({
  type: 'ChangePopulation',
  data: { code, population },
});

/** An event store whose appends wait until `parties` of them are pending, so they truly race. */
class RacingEventStore extends EventStore {
  appendCalls = 0;
  private waiting: (() => void)[] = [];

  constructor(
    db: Database,
    private parties: number,
  ) {
    super(db);
  }

  override async append(request: AppendRequest, withinAppend?: WithinAppend): Promise<AppendResult> {
    this.appendCalls += 1;
    if (this.parties > 0) {
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        if (this.waiting.length >= this.parties) {
          this.parties = 0;
          for (const release of this.waiting.splice(0)) release();
        }
      });
    }
    return super.append(request, withinAppend);
  }
}

describe('EventStore (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 24 });
    db = testDb.db;
    store = new EventStore(db);
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('lets exactly one of two concurrent writers at the same expected version win; the other gets VERSION_CONFLICT', async () => {
    for (let round = 0; round < 10; round++) {
      const streamId = `race-${round}`;
      // Round 0 races on creating the stream, the others on extending it.
      const base = round === 0 ? 0 : 1;
      if (base === 1) await store.append(appendRequest(streamId, 0, ['Created']));

      const outcomes = await Promise.allSettled([
        store.append(appendRequest(streamId, base, ['WriterA'])),
        store.append(appendRequest(streamId, base, ['WriterB'])),
      ]);

      const won = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(WrongExpectedVersion);
      expect(lost[0].reason).toMatchObject({ code: 'VERSION_CONFLICT', streamId, expected: base, actual: base + 1 });
      expect(won[0].value.version).toBe(base + 1);

      const stream = await store.readStream(streamId);
      expect(stream.map((e) => e.version)).toEqual(Array.from({ length: base + 1 }, (_, i) => i + 1));
      expect(stream[stream.length - 1].type).toBe(won[0].value.events[0].type);
    }
  });

  it('retries a conflicting command when no version is pinned: 10 concurrent population changes all succeed', async () => {
    const executor = new CommandExecutor(store);
    const code = 'RT';
    const streamId = memberStateStreamId(code);
    await executor.execute(memberStateDecider, { streamId, command: register(code), actor: testAdmin });

    const populations = Array.from({ length: 10 }, (_, i) => 2_000 + i);
    const outcomes = await Promise.all(
      populations.map((population) =>
        executor.execute(memberStateDecider, { streamId, command: changePopulation(code, population), actor: testAdmin }),
      ),
    );

    const versions = outcomes.map((o) => o.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
    const stream = await store.readStream(streamId);
    expect(stream).toHaveLength(11);
    expect(stream.slice(1).map((e) => e.data.population).sort()).toEqual(populations);
    // Each outcome reports the event it wrote.
    for (const outcome of outcomes) {
      expect(outcome.events).toHaveLength(1);
      expect(stream[outcome.version - 1].eventId).toBe(outcome.events[0].eventId);
      expect(outcome.position).toBe(outcome.events[0].position);
    }
  });

  it('retries when the stream moved between its read and its append', async () => {
    const racing = new RacingEventStore(db, 2);
    const executor = new CommandExecutor(racing);
    const code = 'RU';
    const streamId = memberStateStreamId(code);
    await new CommandExecutor(store).execute(memberStateDecider, { streamId, command: register(code), actor: testAdmin });
    racing.appendCalls = 0;

    const outcomes = await Promise.all([
      executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 7), actor: testAdmin }),
      executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 8), actor: testAdmin }),
    ]);

    expect(outcomes.map((o) => o.version).sort()).toEqual([2, 3]);
    expect(racing.appendCalls).toBe(3); // both decided on version 1; the loser decided again and appended
  });

  it('reports a conflict instead of retrying when the caller pinned expectedVersion', async () => {
    const racing = new RacingEventStore(db, 2);
    const executor = new CommandExecutor(racing);
    const code = 'PN';
    const streamId = memberStateStreamId(code);
    await new CommandExecutor(store).execute(memberStateDecider, { streamId, command: register(code), actor: testAdmin });
    racing.appendCalls = 0;

    const outcomes = await Promise.allSettled([
      executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 7), actor: testAdmin, expectedVersion: 1 }),
      executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 8), actor: testAdmin, expectedVersion: 1 }),
    ]);

    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(WrongExpectedVersion);
    expect(lost[0].reason).toMatchObject({ code: 'VERSION_CONFLICT', pinned: true });
    expect(racing.appendCalls).toBe(2); // no retry
    expect(await store.readStream(streamId)).toHaveLength(2);

    // A pin that is already stale is refused before anything is decided.
    await expect(
      executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 9), actor: testAdmin, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', expected: 1, actual: 2 });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('answers the stream\'s last position for a command that records nothing', async () => {
    const executor = new CommandExecutor(store);
    const code = 'NO';
    const streamId = memberStateStreamId(code);
    const registered = await executor.execute(memberStateDecider, { streamId, command: register(code, 5), actor: testAdmin });
    await store.append(appendRequest('elsewhere', 0, ['Other'])); // the global head moves on

    const unchanged = await executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 5), actor: testAdmin });
    expect(unchanged).toMatchObject({ streamId, version: 1, position: registered.position, events: [] });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets a reader following readAll(after, limit) see every event of 20 concurrent writers exactly once, in order', async () => {
    const { position: start } = await store.head();
    const writers = 20;
    const appendsPerWriter = 8;
    let writing = true;
    let written = 0;

    const writer = async (w: number) => {
      const streamId = `concurrent-${w}`;
      let version = 0;
      for (let i = 0; i < appendsPerWriter; i++) {
        const count = 1 + ((w + i) % 3); // 1 to 3 events per append
        const result = await store.append(appendRequest(streamId, version, Array.from({ length: count }, () => 'Tick')));
        version = result.version;
        written += count;
      }
    };

    const seen: number[] = [];
    let nonEmptyReadsWhileWriting = 0;
    const reader = async () => {
      let after = start;
      for (;;) {
        const stillWriting = writing;
        const page = await store.readAll(after, 5);
        if (stillWriting && page.length > 0) nonEmptyReadsWhileWriting += 1;
        for (const event of page) {
          // Contiguous: never a gap, never a step back.
          if (event.position !== after + 1) throw new Error(`reader at ${after} was handed position ${event.position}`);
          seen.push(event.position);
          after = event.position;
        }
        if (page.length === 0) {
          if (!stillWriting) return;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };

    const reading = reader();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    writing = false;
    await reading;

    const { position: end } = await store.head();
    expect(end - start).toBe(written);
    expect(seen).toEqual(Array.from({ length: written }, (_, i) => start + i + 1));
    expect(new Set(seen).size).toBe(seen.length);
    // The reader really ran alongside the writers rather than after them.
    expect(nonEmptyReadsWhileWriting).toBeGreaterThan(3);

    // Each stream still has versions 1..n in position order.
    for (let w = 0; w < writers; w++) {
      const stream = await store.readStream(`concurrent-${w}`);
      expect(stream.map((e) => e.version)).toEqual(stream.map((_, i) => i + 1));
      expect(stream.map((e) => e.position)).toEqual([...stream.map((e) => e.position)].sort((a, b) => a - b));
    }
  });

  it('writes one unsent outbox row per appended event, naming no topic: the relay routes it when it publishes', async () => {
    const result = await store.append(appendRequest('outbox-1', 0, ['A', 'B', 'C']));
    const legal = await store.append(appendRequest('legal-1', 0, ['Filed'], 'legal-action'));

    const rows = await db.query<{ position: string; topic: string | null; partition: number | null; sent_at: Date | null }>(
      'SELECT position, topic, partition, sent_at FROM outbox WHERE position = ANY($1::bigint[]) ORDER BY position',
      [[...result.events, ...legal.events].map((e) => e.position)],
    );
    expect(rows.map((r) => Number(r.position))).toEqual([...result.events, ...legal.events].map((e) => e.position));
    expect(rows.every((r) => r.topic === null && r.partition === null && r.sent_at === null)).toBe(true);
  });

  it('writes neither events nor outbox rows when work inside the append fails', async () => {
    const before = await store.head();
    const [{ count: outboxBefore }] = await db.query<{ count: string }>('SELECT count(*) AS count FROM outbox');

    await expect(
      store.append(appendRequest('rolled-back', 0, ['A', 'B']), async () => {
        throw new Error('idempotency record failed');
      }),
    ).rejects.toThrow('idempotency record failed');

    expect(await store.head()).toEqual(before);
    expect(await store.readStream('rolled-back')).toEqual([]);
    const [{ count: outboxAfter }] = await db.query<{ count: string }>('SELECT count(*) AS count FROM outbox');
    expect(outboxAfter).toBe(outboxBefore);
  });

  it('gives each of many concurrent appends its own outcome when they share a transaction', async () => {
    const before = await store.head();
    await store.append(appendRequest('shared-stale', 0, ['A']));
    const appends = Array.from({ length: 30 }, (_, i) => {
      if (i === 10) return store.append(appendRequest('shared-stale', 0, ['B'])); // stale: the stream is at 1
      if (i === 20) {
        return store.append(appendRequest('shared-failing', 0, ['C', 'D']), async (tx) => {
          await tx.query('SELECT 1');
          throw new Error('work inside failed');
        });
      }
      return store.append(appendRequest(`shared-${i}`, 0, ['E', 'F']), async (tx, result) => {
        await tx.query('SELECT $1::int', [result.version]);
      });
    });
    const outcomes = await Promise.allSettled(appends);

    expect(outcomes[10]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersion) });
    expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: new Error('work inside failed') });
    const appended = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled').map((o) => o.value);
    expect(appended).toHaveLength(28);
    expect(await store.readStream('shared-failing')).toEqual([]);
    // Every successful append got the positions it reported, contiguous and in one chain.
    const positions = appended.flatMap((a) => a.events.map((e) => e.position)).sort((a, b) => a - b);
    const head = await store.head();
    expect(positions).toEqual(Array.from({ length: 56 }, (_, i) => head.position - 55 + i));
    expect(head.position - before.position).toBe(57);
    const events = await store.readAll(before.position, 100);
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
  });

  describe('fold: streams folded before are read from their last folded version on', () => {
    it('sees events another process appended since, and folds to the same state as a full read', async () => {
      const code = 'FS';
      const streamId = memberStateStreamId(code);
      const other = new CommandExecutor(new EventStore(db)); // another api process: its own cache
      const executor = new CommandExecutor(store);
      await executor.execute(memberStateDecider, { streamId, command: register(code), actor: testAdmin });
      expect(await store.fold(memberStateDecider, streamId)).toMatchObject({ version: 1, state: { population: 1_000 } });

      await other.execute(memberStateDecider, { streamId, command: changePopulation(code, 2_500), actor: testAdmin });
      await other.execute(memberStateDecider, { streamId, command: changePopulation(code, 3_000), actor: testAdmin });
      const folded = await store.fold(memberStateDecider, streamId);
      expect(folded).toMatchObject({ version: 3, state: { population: 3_000 } });
      const full = (await store.readStream(streamId)).reduce(
        (state, event) => memberStateDecider.evolve(state, event as never),
        memberStateDecider.initialState(),
      );
      expect(folded.state).toEqual(full);

      // A decision on the cached fold: a change to the same population records nothing.
      const unchanged = await executor.execute(memberStateDecider, { streamId, command: changePopulation(code, 3_000), actor: testAdmin });
      expect(unchanged.version).toBe(3);
    });

    it('answers concurrent folds of many streams, read together, each with its own stream only', async () => {
      const codes = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
      const executor = new CommandExecutor(new EventStore(db));
      for (const [i, code] of codes.entries()) {
        await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command: register(code, 100 + i), actor: testAdmin });
      }
      // Half of them folded before, so the batch mixes full reads and tails.
      for (const code of codes.slice(0, 3)) await store.fold(memberStateDecider, memberStateStreamId(code));
      for (const [i, code] of codes.entries()) {
        await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command: changePopulation(code, 500 + i), actor: testAdmin });
      }
      const folded = await Promise.all([...codes, ...codes].map((code) => store.fold(memberStateDecider, memberStateStreamId(code))));
      expect(folded.map((f) => [f.version, f.state])).toEqual(
        [...codes, ...codes].map((code, i) => [2, expect.objectContaining({ code, population: 500 + (i % codes.length) })]),
      );
    });

    it('refolds from the start when the event at the cached version is no longer the one folded', async () => {
      const scratch = await createTestDatabase();
      try {
        const cached = new EventStore(scratch.db);
        const streamId = memberStateStreamId('RS');
        await new CommandExecutor(cached).execute(memberStateDecider, { streamId, command: register('RS', 10) , actor: testAdmin });
        expect(await cached.fold(memberStateDecider, streamId)).toMatchObject({ version: 1, state: { population: 10 } });
        // The database is reset under the running process and the stream written anew.
        await scratch.db.query('ALTER TABLE events DISABLE TRIGGER USER');
        await scratch.db.query('DELETE FROM outbox');
        await scratch.db.query('DELETE FROM events');
        await scratch.db.query('ALTER TABLE events ENABLE TRIGGER USER');
        await new CommandExecutor(new EventStore(scratch.db)).execute(memberStateDecider, { streamId, command: register('RS', 20), actor: testAdmin });
        expect(await cached.fold(memberStateDecider, streamId)).toMatchObject({ version: 1, state: { population: 20 } });
      } finally {
        await scratch.drop();
      }
    });
  });
});
