import { randomUUID } from 'node:crypto';
import { memberStateDecider, memberStateStreamId } from '@coalition/domain';
import { CommandExecutor } from '../store/command-executor';
import { EventStore } from '../store/event-store';
import { DatabaseUnavailableError } from '@coalition/platform';
import { eventually, LocalPostgres, sleep, testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase } from '../testing';
import { openDatabase } from './data-source';

/**
 * Database against a PostgreSQL server of the test's own, restarted and stopped: every failure
 * is a DatabaseUnavailableError (what the api answers 503 for), nothing waits longer than its
 * bound, and the same Database works again once the server is back, with no reopening.
 */
describe('Database through PostgreSQL restarts and outages (a server of its own)', () => {
  let server: LocalPostgres;
  let testDb: TestDatabase;

  beforeAll(async () => {
    server = await LocalPostgres.create();
    testDb = await createTestDatabase({ serverUrl: server.url, poolSize: 4 });
  }, 60_000);

  afterAll(async () => {
    await testDb?.db.close().catch(() => undefined);
    await server?.destroy();
  }, 60_000);

  it('fails only with DatabaseUnavailableError during a restart under load, and appends nothing twice', async () => {
    const { db } = testDb;
    const executor = new CommandExecutor(new EventStore(db));
    const errors: unknown[] = [];
    let ok = 0;
    let running = true;
    const commandIds: string[] = [];
    const worker = async (lane: number) => {
      for (let i = 0; running; i++) {
        const code = `L${lane}`;
        const commandId = randomUUID();
        commandIds.push(commandId);
        const command = i === 0
          ? { type: 'RegisterState' as const, data: { code, name: `Lane ${lane}`, population: 1 } }
          : { type: 'ChangePopulation' as const, data: { code, population: i } };
        try {
          await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin, commandId });
          ok += 1;
        } catch (error) {
          errors.push(error);
          if (i === 0) i = -1; // register again until it is there (a DUPLICATE then ends the lane's first step)
          await sleep(20);
        }
      }
    };
    const lanes = [1, 2, 3, 4].map(worker);
    await eventually(() => ok > 20, { timeoutMs: 10_000, what: 'steady appends' });
    await server.restart('fast');
    const back = Date.now();
    const before = ok;
    await eventually(() => ok > before + 20, { timeoutMs: 10_000, what: 'appends to succeed again after the restart' });
    const recoveredInMs = Date.now() - back;
    running = false;
    await Promise.all(lanes);

    expect(errors.length).toBeGreaterThan(0);
    const unexpected = errors.filter((e) => !(e instanceof DatabaseUnavailableError) && (e as { code?: string }).code !== 'DUPLICATE');
    expect(unexpected).toEqual([]);
    expect(recoveredInMs).toBeLessThan(5_000);
    // An append whose COMMIT was cut off may have committed; it must never have been appended again.
    const doubled = await db.query(
      `SELECT metadata->>'commandId' AS command, count(*) FROM events WHERE metadata->>'commandId' = ANY($1::text[]) GROUP BY 1 HAVING count(*) > 1`,
      [commandIds],
    );
    expect(doubled).toEqual([]);
  }, 60_000);

  it('answers DatabaseUnavailableError at once while the server is down, and works again when it is back', async () => {
    const { db } = testDb;
    await server.stop('fast');
    try {
      const started = Date.now();
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.start();
    }
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  }, 60_000);

  it('bounds a statement, a wait for a pooled connection, and hears notifications again after a restart', async () => {
    const bounded = await openDatabase({ url: testDb.url, poolSize: 1, timeouts: { connectMs: 500, statementMs: 300, idleInTransactionMs: 5_000 } });
    try {
      await expect(bounded.query('SELECT pg_sleep(2)')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      const holding = bounded.transaction(async (tx) => {
        await tx.query('SELECT pg_sleep(0.25)');
        await sleep(1_000);
      });
      await sleep(50);
      const waited = Date.now();
      await expect(bounded.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(Date.now() - waited).toBeLessThan(1_000);
      await holding;

      let heard = 0;
      const stop = await bounded.listen('coalition_test_channel', () => (heard += 1));
      try {
        await server.restart('fast');
        // After the reconnect the listener calls back once by itself, then hears what is sent.
        await eventually(() => heard > 0, { timeoutMs: 10_000, what: 'the listener to reconnect' });
        const afterReconnect = heard;
        await eventually(async () => {
          await bounded.query(`SELECT pg_notify('coalition_test_channel', '')`);
          return heard > afterReconnect;
        }, { timeoutMs: 10_000, intervalMs: 200, what: 'a notification after the restart' });
      } finally {
        await stop();
      }
    } finally {
      await bounded.close();
    }
  }, 60_000);
});
