import { memberStateDecider, MemberStateCommand, memberStateStreamId, StateAlreadyRegistered } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase } from '../testing';
import { CommandExecutor, streamCommand } from './command-executor';
import { AppendRequest, AppendResult, EventStore } from './event-store';
import { WrongExpectedVersion } from './event-store.errors';

const metadata: AppendRequest['metadata'] = {
  actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] },
  commandId: 'cmd',
  correlationId: 'cmd',
  causationId: 'cmd',
};

const request = (streamId: string, expectedVersion: number | 'any', types: string[]): AppendRequest => ({
  streamId,
  streamType: 'member-state',
  expectedVersion,
  events: types.map((type, i) => ({ type, data: { n: i } })),
  metadata,
  recordedAt: new Date(),
});

const register = (code: string, population = 1_000): MemberStateCommand => ({ type: 'RegisterState', data: { code, name: `State ${code}`, population } });

/** The appends over several streams a join request makes: all streams or none. */
describe('EventStore.appendAll and CommandExecutor.executeAll (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 8 });
    db = testDb.db;
    store = new EventStore(db);
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('records every stream, in the order given, in one unbroken stretch of the chain', async () => {
    const before = await store.head();
    const results = await store.appendAll([request('both-a', 0, ['A1', 'A2']), request('both-b', 0, ['B1'])]);

    expect(results.map((r) => [r.streamId, r.version, r.position])).toEqual([
      ['both-a', 2, before.position + 2],
      ['both-b', 1, before.position + 3],
    ]);
    const events = await store.readAll(before.position, 10);
    expect(events.map((e) => `${e.streamId}:${e.type}`)).toEqual(['both-a:A1', 'both-a:A2', 'both-b:B1']);
    expect(events[0].prevHash).toBe(before.hash);
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
  });

  it('writes neither stream when the second one is not at its expected version', async () => {
    await store.append(request('taken-b', 0, ['Existing']));
    const before = await store.head();

    await expect(store.appendAll([request('fresh-a', 0, ['A']), request('taken-b', 0, ['B'])])).rejects.toMatchObject({
      constructor: WrongExpectedVersion,
      streamId: 'taken-b',
    });

    expect(await store.head()).toEqual(before);
    expect(await store.readStream('fresh-a')).toEqual([]);
    expect((await store.readStream('taken-b')).map((e) => e.type)).toEqual(['Existing']);
  });

  it('writes neither stream, nor outbox rows, when work inside the append fails', async () => {
    const before = await store.head();
    const [{ count: outboxBefore }] = await db.query<{ count: string }>('SELECT count(*) AS count FROM outbox');
    let seen: AppendResult[] = [];

    await expect(
      store.appendAll([request('undone-a', 0, ['A']), request('undone-b', 0, ['B'])], async (_tx, results) => {
        seen = results;
        throw new Error('idempotency record failed');
      }),
    ).rejects.toThrow('idempotency record failed');

    expect(seen.map((r) => r.streamId)).toEqual(['undone-a', 'undone-b']);
    expect(await store.head()).toEqual(before);
    expect(await store.readStream('undone-a')).toEqual([]);
    expect(await store.readStream('undone-b')).toEqual([]);
    const [{ count: outboxAfter }] = await db.query<{ count: string }>('SELECT count(*) AS count FROM outbox');
    expect(outboxAfter).toBe(outboxBefore);
  });

  it('refuses only the conflicting atomic append when it shares a transaction with others', async () => {
    await store.append(request('shared-taken', 0, ['Existing']));
    const appends = [
      store.append(request('shared-1', 0, ['X'])),
      store.appendAll([request('shared-atomic', 0, ['A']), request('shared-taken', 0, ['B'])]),
      store.appendAll([request('shared-2', 0, ['Y']), request('shared-3', 0, ['Z'])]),
    ];
    const [one, atomic, pair] = await Promise.allSettled(appends);

    expect(one.status).toBe('fulfilled');
    expect(atomic).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersion) });
    expect(pair.status).toBe('fulfilled');
    expect(await store.readStream('shared-atomic')).toEqual([]);
    expect((await store.readStream('shared-3')).map((e) => e.type)).toEqual(['Z']);
  });

  it('refuses a stream named twice', async () => {
    await expect(store.appendAll([request('twice', 0, ['A']), request('twice', 1, ['B'])])).rejects.toThrow('each stream once');
    expect(await store.readStream('twice')).toEqual([]);
  });

  it('records no command of an executeAll when a later stream refuses its command', async () => {
    const executor = new CommandExecutor(store);
    await executor.execute(memberStateDecider, { streamId: memberStateStreamId('X2'), command: register('X2'), actor: testAdmin });
    const before = await store.head();

    await expect(
      executor.executeAll(
        [streamCommand(memberStateDecider, memberStateStreamId('X1'), register('X1')), streamCommand(memberStateDecider, memberStateStreamId('X2'), register('X2'))],
        { actor: testAdmin },
      ),
    ).rejects.toThrow(StateAlreadyRegistered);

    expect(await store.head()).toEqual(before);
    expect(await store.lastOfStream(memberStateStreamId('X1'))).toBeUndefined();
  });

  it('decides again on the newer state when another writer moved one of the streams before the append', async () => {
    const executor = new CommandExecutor(store);
    const first = memberStateStreamId('Y1');
    let asked = 0;
    const registration = streamCommand(memberStateDecider, first, register('Y1', 10));
    const follower = streamCommand(memberStateDecider, memberStateStreamId('Y2'), async () => {
      asked += 1;
      // The first attempt loses a race on Y1: another writer registers it between decision and append.
      if (asked === 1) await new CommandExecutor(new EventStore(db)).execute(memberStateDecider, { streamId: first, command: register('Y1', 20), actor: testAdmin });
      return register('Y2', registration.decided.length);
    });

    await expect(executor.executeAll([registration, follower], { actor: testAdmin })).rejects.toThrow(StateAlreadyRegistered);
    expect(asked).toBe(1);
    expect(await store.lastOfStream(memberStateStreamId('Y2'))).toBeUndefined();
    expect((await store.fold(memberStateDecider, first)).state).toMatchObject({ population: 20 });
  });

  it('asks a command given as a function after the commands before it decided', async () => {
    const executor = new CommandExecutor(store);
    const fresh = streamCommand(memberStateDecider, memberStateStreamId('Y3'), register('Y3', 30));
    const built = streamCommand(memberStateDecider, memberStateStreamId('Y4'), async () => register('Y4', fresh.decided.length));
    const outcomes = await executor.executeAll([fresh, built], { actor: testAdmin });
    expect(outcomes.map((o) => [o.streamId, o.version])).toEqual([[memberStateStreamId('Y3'), 1], [memberStateStreamId('Y4'), 1]]);
    expect((await store.fold(memberStateDecider, memberStateStreamId('Y4'))).state).toMatchObject({ population: 1 });
  });
});
