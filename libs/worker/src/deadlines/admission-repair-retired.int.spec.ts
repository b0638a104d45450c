import { compactDecider, COMPACT_DEADLINES } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { AdmissionRepairRetired1764000000130, CommandExecutor, EventStore, scheduleDeadline } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { DeadLetterQueue } from '@coalition/read-side';
import { CompactDeadlines } from '../process-managers/compact-deadlines';
import { DeadlineScheduler } from './deadline-scheduler';

/** A store upgraded from a build that scheduled `admission-repair` deadlines after each application. */
describe('the retired admission-repair deadline (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  const repair = (proposalId: string, dueAt = new Date(Date.now() - 1_000)) =>
    scheduleDeadline(db, {
      id: `admission-repair:${proposalId}`,
      kind: 'admission-repair',
      dueAt,
      payload: { compactId: 'c1', stateCode: 'ID', proposalId, closesAt: new Date(Date.now() + 60_000).toISOString(), causationId: 'e', correlationId: 'c' },
    });

  const repairs = async () =>
    (await db.query<{ id: string }>(`SELECT id FROM deadlines WHERE kind = 'admission-repair' ORDER BY id`)).map((r) => r.id);

  it('deletes the repairs that would mend nothing and keeps the one whose proposal never opened', async () => {
    const store = new EventStore(db);
    await store.append({
      streamId: 'proposal-opened', streamType: 'proposal', expectedVersion: 0, recordedAt: new Date(),
      events: [{ type: 'ProposalOpened', data: { proposalId: 'opened' } }],
      metadata: { actor: { id: 'system', kind: 'system', stateCode: null, roles: [] }, commandId: 'x', correlationId: 'x', causationId: 'x' },
    });
    await repair('opened');
    await repair('fired');
    await db.query(`UPDATE deadlines SET fired_at = now() WHERE id = 'admission-repair:fired'`);
    await repair('stranded');

    await new AdmissionRepairRetired1764000000130().up({ query: (sql: string) => db.query(sql) });

    expect(await repairs()).toEqual(['admission-repair:stranded']);
  });

  it('leaves a kept repair row unclaimed while the compact deadlines fire as before', async () => {
    const scheduler = new DeadlineScheduler(db, 50);
    const executor = new CommandExecutor(new EventStore(db));
    const fired: string[] = [];
    // Registers this build's compact deadline kinds with the scheduler.
    new CompactDeadlines(db, executor, scheduler, new DeadLetterQueue(db));
    // Stands in for the compact, so the withdrawal handler's command is seen, not executed.
    jest.spyOn(executor, 'execute').mockImplementation(async (decider, envelope) => {
      fired.push(`${decider === compactDecider ? 'compact' : 'other'}:${envelope.command.type}`);
      return { streamId: envelope.streamId, version: 1, position: 1, events: [] };
    });
    await scheduleDeadline(db, {
      id: `${COMPACT_DEADLINES.withdrawalEffective}:n1`,
      kind: COMPACT_DEADLINES.withdrawalEffective,
      dueAt: new Date(Date.now() - 1_000),
      payload: { compactId: 'c1', stateCode: 'OR', causationId: 'e', correlationId: 'c' },
    });

    expect(await scheduler.tick()).toBe(1);

    expect(fired).toEqual(['compact:FinaliseWithdrawal']);
    const [kept] = await db.query<{ attempts: number; fired_at: Date | null; last_error: string | null }>(
      `SELECT attempts, fired_at, last_error FROM deadlines WHERE id = 'admission-repair:stranded'`,
    );
    expect(kept).toEqual({ attempts: 0, fired_at: null, last_error: null });
  });
});
