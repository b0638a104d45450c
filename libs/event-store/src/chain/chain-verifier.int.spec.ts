import { memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database, Queryable } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase } from '../testing';
import { ChainCheckpoint, verifyChain } from './chain-verifier';
import { CommandExecutor } from '../store/command-executor';
import { EventStore } from '../store/event-store';
import { chainHash } from './hash-chain';

const EVENTS = 12;

/** What a database owner can do behind the application's back: switch the guard off for one statement. */
async function asMaliciousDba(db: Database, work: (tx: Queryable) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
    await work(tx);
    await tx.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
  });
}

async function seed(store: EventStore): Promise<void> {
  const executor = new CommandExecutor(store);
  const codes = ['AA', 'BB', 'CC'];
  const run = (code: string, command: MemberStateCommand) =>
    executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin });
  for (const code of codes) await run(code, { type: 'RegisterState', data: { code, name: `State ${code}`, population: 100 } });
  for (let i = 1; codes.length + (i - 1) * codes.length < EVENTS; i++) {
    for (const code of codes) await run(code, { type: 'ChangePopulation', data: { code, population: 100 + i } });
  }
}

describe('verifyChain (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;

  // Every test tampers with the store in its own way, so each gets a fresh database.
  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
    store = new EventStore(db);
    await seed(store);
    expect((await store.head()).position).toBe(EVENTS);
  });

  afterEach(async () => {
    await testDb?.drop();
  });

  const hashAt = async (position: number): Promise<string> => {
    const [row] = await db.query<{ hash: string }>('SELECT hash FROM events WHERE position = $1', [position]);
    return row.hash;
  };

  it('accepts an untampered store and reports its head, across page boundaries', async () => {
    const head = await store.head();
    for (const pageSize of [undefined, 5, 1, EVENTS]) {
      expect(await verifyChain(db, { pageSize })).toEqual({ ok: true, checkedEvents: EVENTS, headPosition: EVENTS, headHash: head.hash });
    }
    // A checkpoint kept elsewhere that matches the chain is fine, wherever it sits.
    for (const position of [1, 7, EVENTS]) {
      const checkpoint: ChainCheckpoint = { position, hash: await hashAt(position) };
      expect(await verifyChain(db, { checkpoint, pageSize: 5 })).toMatchObject({ ok: true, headHash: head.hash });
    }
  });

  it('extends a verification from a head verified before, and refuses one no longer stored as it was', async () => {
    const head = await store.head();
    const from: ChainCheckpoint = { position: 6, hash: await hashAt(6) };
    expect(await verifyChain(db, { from, pageSize: 4 })).toEqual({ ok: true, checkedEvents: EVENTS - 6, headPosition: EVENTS, headHash: head.hash });
    expect(await verifyChain(db, { from: { position: 6, hash: 'e'.repeat(64) } })).toMatchObject({ ok: false, firstInvalidPosition: 6 });
    // A change after the starting head is still found.
    await asMaliciousDba(db, (tx) => tx.query(`UPDATE events SET data = jsonb_set(data, '{population}', '5') WHERE position = 9`));
    expect(await verifyChain(db, { from })).toMatchObject({ ok: false, firstInvalidPosition: 9 });
  });

  it('accepts an empty store', async () => {
    const empty = await createTestDatabase({ poolSize: 2 });
    try {
      expect(await verifyChain(empty.db)).toMatchObject({ ok: true, checkedEvents: 0, headPosition: 0 });
    } finally {
      await empty.drop();
    }
  });

  it.each([1, 7, EVENTS])('names position %d when the data of that one event was changed in place', async (k) => {
    await asMaliciousDba(db, (tx) =>
      tx.query(`UPDATE events SET data = jsonb_set(data, '{population}', '999999') WHERE position = $1`, [k]),
    );
    const [row] = await db.query<{ data: { population: number } }>('SELECT data FROM events WHERE position = $1', [k]);
    expect(row.data.population).toBe(999_999); // the tampering really happened

    for (const pageSize of [undefined, 5]) {
      const result = await verifyChain(db, { pageSize });
      expect(result).toMatchObject({ ok: false, firstInvalidPosition: k, checkedEvents: k - 1 });
      expect(result.ok === false && result.reason).toMatch(/hash does not match/);
    }
  });

  it('names a changed actor in the metadata, not just changed data', async () => {
    await asMaliciousDba(db, (tx) =>
      tx.query(`UPDATE events SET metadata = jsonb_set(metadata, '{actor,id}', '"someone-else"') WHERE position = 4`),
    );
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstInvalidPosition: 4 });
  });

  it.each([1, 6])('names the missing position when event %d was deleted', async (k) => {
    await asMaliciousDba(db, async (tx) => {
      await tx.query('DELETE FROM outbox WHERE position = $1', [k]);
      await tx.query('DELETE FROM events WHERE position = $1', [k]);
    });
    for (const pageSize of [undefined, 5, 1]) {
      const result = await verifyChain(db, { pageSize });
      expect(result).toMatchObject({ ok: false, firstInvalidPosition: k, checkedEvents: k - 1 });
      expect(result.ok === false && result.reason).toMatch(/missing/);
    }
  });

  it('reports a supplied checkpoint whose hash differs from the stored chain', async () => {
    const result = await verifyChain(db, { checkpoint: { position: 6, hash: 'f'.repeat(64) } });
    expect(result).toMatchObject({ ok: false, firstInvalidPosition: 6 });
    expect(result.ok === false && result.reason).toMatch(/checkpoint/);
  });

  it('uses a kept checkpoint to catch a chain rewritten consistently from the tampered event on', async () => {
    const kept: ChainCheckpoint = { position: EVENTS, hash: await hashAt(EVENTS) };
    // The attacker changes event 3 and recomputes every hash after it, so the chain is self-consistent.
    const events = await store.readAll(0, 1000);
    await asMaliciousDba(db, async (tx) => {
      let prevHash = events[1].hash;
      for (const event of events.slice(2)) {
        const data = event.position === 3 ? { ...event.data, population: 1 } : event.data;
        const hash = chainHash(prevHash, { ...event, data });
        await tx.query('UPDATE events SET data = $2, prev_hash = $3, hash = $4 WHERE position = $1', [
          event.position,
          JSON.stringify(data),
          prevHash,
          hash,
        ]);
        prevHash = hash;
      }
    });

    expect(await verifyChain(db)).toMatchObject({ ok: true }); // the chain alone cannot tell
    expect(await verifyChain(db, { checkpoint: kept })).toMatchObject({ ok: false, firstInvalidPosition: EVENTS });
  });

  it('uses a kept checkpoint to catch events deleted from the end', async () => {
    const kept: ChainCheckpoint = { position: EVENTS, hash: await hashAt(EVENTS) };
    await asMaliciousDba(db, async (tx) => {
      await tx.query('DELETE FROM outbox WHERE position > 10');
      await tx.query('DELETE FROM events WHERE position > 10');
    });
    expect(await verifyChain(db)).toMatchObject({ ok: true, headPosition: 10 });
    const result = await verifyChain(db, { checkpoint: kept });
    expect(result).toMatchObject({ ok: false, firstInvalidPosition: EVENTS });
    expect(result.ok === false && result.reason).toMatch(/beyond the stored chain/);
  });

  it('refuses an ordinary UPDATE or DELETE of events at the database', async () => {
    await expect(db.query(`UPDATE events SET data = '{}' WHERE position = 2`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM events WHERE position = $1', [EVENTS])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE events SET type = 'Other'`)).rejects.toThrow(/append-only/);

    expect(await verifyChain(db)).toMatchObject({ ok: true, checkedEvents: EVENTS });
    const [row] = await db.query<{ type: string }>('SELECT type FROM events WHERE position = 2');
    expect(row.type).toBe('StateRegistered');
  });
});
