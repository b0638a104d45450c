import { Database } from '@coalition/platform';
import { eventually, sleep } from '@coalition/platform/testing';
import { Deadline, openDatabase, scheduleDeadline } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { DeadlineScheduler } from './deadline-scheduler';

interface DeadlineRow {
  attempts: number;
  fired_at: Date | null;
  last_error: string | null;
}

describe('DeadlineScheduler (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  const schedulers: DeadlineScheduler[] = [];
  const extraDbs: Database[] = [];

  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
  });

  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    for (const extra of extraDbs.splice(0)) await extra.close();
    await testDb?.drop();
  });

  const row = async (id: string): Promise<DeadlineRow> => {
    const [found] = await db.query<DeadlineRow>('SELECT attempts, fired_at, last_error FROM deadlines WHERE id = $1', [id]);
    return found;
  };

  const scheduler = (database: Database, intervalMs?: number): DeadlineScheduler => {
    // The worker's default interval (SCHEDULER_INTERVAL_MS) is 500 ms.
    const created = new DeadlineScheduler(database, intervalMs ?? 500);
    schedulers.push(created);
    return created;
  };

  it('fires a deadline due in about a second within 2 s of its due time, and not before it', async () => {
    const fired: { deadline: Deadline; at: number }[] = [];
    const running = scheduler(db);
    running.register('proposal-close', async (deadline) => void fired.push({ deadline, at: Date.now() }));
    running.start();

    const dueAt = new Date(Date.now() + 1_000);
    await scheduleDeadline(db, { id: 'proposal-close:p1', kind: 'proposal-close', dueAt, payload: { proposalId: 'p1' } });

    await sleep(700);
    expect(fired).toHaveLength(0); // not due yet
    await eventually(() => fired.length > 0, { timeoutMs: 3_000, intervalMs: 20, what: 'the deadline to fire' });

    const [{ deadline, at }] = fired;
    expect(at).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(at - dueAt.getTime()).toBeLessThan(2_000);
    expect(deadline).toEqual({ id: 'proposal-close:p1', kind: 'proposal-close', dueAt, payload: { proposalId: 'p1' } });
    await eventually(async () => (await row('proposal-close:p1')).fired_at !== null, { what: 'fired_at to be recorded' });

    // Fired means done: later ticks leave it alone.
    await sleep(1_100);
    expect(fired).toHaveLength(1);
    expect(await row('proposal-close:p1')).toMatchObject({ attempts: 1, last_error: null });
  });

  it('fires each deadline once even with two schedulers (two workers) polling the same database', async () => {
    const second = await openDatabase({ url: testDb.url, poolSize: 4 });
    extraDbs.push(second);
    const calls = new Map<string, string[]>();
    const handler = (worker: string) => async (deadline: Deadline) => {
      calls.set(deadline.id, [...(calls.get(deadline.id) ?? []), worker]);
      await sleep(30); // a handler that takes a while widens any window for a double fire
    };
    const a = scheduler(db, 50);
    const b = scheduler(second, 50);
    a.register('reminder', handler('a'));
    b.register('reminder', handler('b'));

    const ids = Array.from({ length: 30 }, (_, i) => `reminder:${i}`);
    const now = Date.now();
    for (const [i, id] of ids.entries()) {
      await scheduleDeadline(db, { id, kind: 'reminder', dueAt: new Date(now + (i % 3) * 200), payload: { i } });
    }
    a.start();
    b.start();

    await eventually(
      async () => {
        const [{ count }] = await db.query<{ count: string }>('SELECT count(*) AS count FROM deadlines WHERE fired_at IS NULL');
        return Number(count) === 0;
      },
      { timeoutMs: 10_000, what: 'every deadline to fire' },
    );
    await sleep(300); // several more polls by both

    expect([...calls.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(calls.get(id)).toHaveLength(1);
    // Both workers took part, so the test really raced them.
    const workers = new Set([...calls.values()].flat());
    expect(workers).toEqual(new Set(['a', 'b']));
  });

  it('retries a deadline whose handler failed, and records the error meanwhile', async () => {
    let calls = 0;
    const running = scheduler(db);
    running.register('flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('downstream unavailable');
    });
    await scheduleDeadline(db, { id: 'flaky:1', kind: 'flaky', dueAt: new Date(), payload: {} });
    running.start();

    await eventually(async () => (await row('flaky:1')).last_error === 'downstream unavailable', {
      timeoutMs: 3_000,
      what: 'the failure to be recorded',
    });
    expect((await row('flaky:1')).fired_at).toBeNull();

    await eventually(async () => (await row('flaky:1')).fired_at !== null, { timeoutMs: 6_000, what: 'the retry to succeed' });
    expect(calls).toBe(2);
    expect(await row('flaky:1')).toMatchObject({ attempts: 2, last_error: null });
  });

  it('backs off exponentially while a handler keeps failing, without giving the deadline up', async () => {
    const running = scheduler(db, 50);
    running.register('broken', async () => {
      throw new Error('still broken');
    });
    await scheduleDeadline(db, { id: 'broken:1', kind: 'broken', dueAt: new Date(), payload: {} });
    running.start();

    await eventually(async () => (await row('broken:1')).attempts === 2, { timeoutMs: 4_000, what: 'the first retry' });
    const lease = async () =>
      (await db.query<{ seconds: number }>(`SELECT extract(epoch FROM claimed_until - now())::float AS seconds FROM deadlines WHERE id = 'broken:1'`))[0].seconds;
    await eventually(async () => (await lease()) > 2, { what: 'the second failure to be recorded' });
    // After two failures the next try waits about 4 s (2 s after the first), not another 2 s.
    expect(await lease()).toBeGreaterThan(3);
    expect(await lease()).toBeLessThanOrEqual(4);
    await sleep(1_000);
    expect(await row('broken:1')).toMatchObject({ attempts: 2, fired_at: null, last_error: 'still broken' });
  });

  it('keeps polling after a poll failed (the database briefly refused it) instead of crashing the worker', async () => {
    const fired: string[] = [];
    const running = scheduler(db, 50);
    running.register('after-outage', async (deadline) => void fired.push(deadline.id));
    // Every poll fails meanwhile, as it would while PostgreSQL restarts.
    await db.query('ALTER TABLE deadlines RENAME TO deadlines_away');
    running.start();
    await sleep(300);
    await db.query('ALTER TABLE deadlines_away RENAME TO deadlines');

    await scheduleDeadline(db, { id: 'after-outage:1', kind: 'after-outage', dueAt: new Date(), payload: {} });
    await eventually(() => fired.length > 0, { timeoutMs: 3_000, what: 'the scheduler to fire after the failed polls' });
    expect(fired).toEqual(['after-outage:1']);
  });

  it('waits for a running handler when stopped', async () => {
    let finished = false;
    const running = scheduler(db, 50);
    running.register('slow', async () => {
      await sleep(300);
      finished = true;
    });
    await scheduleDeadline(db, { id: 'slow:1', kind: 'slow', dueAt: new Date(), payload: {} });
    running.start();
    await eventually(async () => (await row('slow:1')).attempts === 1, { what: 'the deadline to be claimed' });
    await running.stop();
    expect(finished).toBe(true);
    expect((await row('slow:1')).fired_at).not.toBeNull();
  });
});
