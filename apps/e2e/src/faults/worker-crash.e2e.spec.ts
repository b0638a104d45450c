import { Database } from '@coalition/platform';
import { eventually } from '@coalition/platform/testing';
import { openDatabase } from '@coalition/event-store';
import { Caller, Stack } from '../stack';
import { activeCompact, caughtUp, commandLoad, judgeStack, LoadedStack, readiness, stackKafka } from './fault-stack';
import { problemsIn } from './verdict';

/**
 * Workers killed with SIGKILL (no shutdown hook, no leaving the group) while they have work in
 * flight: events appended but not yet published or projected, and admissions whose vote has
 * closed but whose process manager has not yet admitted the state. What the dead worker had
 * half done is done again by the next owner of its partitions: no event is lost, none is
 * applied twice (the read models equal a rebuild), and each admission takes effect once.
 */
describe('workers killed with kill -9 mid-batch', () => {
  let stack: Stack;
  let loaded: LoadedStack;
  let db: Database;
  const applicants = new Map<string, Caller>();

  beforeAll(async () => {
    stack = await Stack.start({ env: { MIN_POSITION_WAIT_MS: '1000', KAFKA_SESSION_TIMEOUT_MS: '6000' } });
    loaded = await activeCompact(stack);
    for (const code of ['ID', 'NV', 'CA', 'UT', 'AZ', 'NM', 'CO', 'MT']) {
      await stack.registerState(code);
      applicants.set(code, await stack.coordinator(code));
    }
    db = await openDatabase({ url: stack.databaseUrl, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  }, 60_000);

  /** Each state asks to join and WA and OR vote yes, which closes the vote: the worker then admits it. */
  const admit = (codes: string[]) =>
    Promise.all(
      codes.map(async (code) => {
        const applicant = applicants.get(code);
        if (!applicant) throw new Error(`no coordinator for ${code}`);
        const asked = await applicant.post(`/compacts/${loaded.compactId}/join-requests`, {});
        if (asked.status !== 201) throw new Error(`join ${code}: ${asked.status} ${JSON.stringify(asked.body)}`);
        for (const token of loaded.tokens) {
          const voted = await stack.bearer(token).post(`/proposals/${asked.body.id}/votes`, { choice: 'yes' });
          if (voted.status !== 200) throw new Error(`vote on ${code}: ${voted.status} ${JSON.stringify(voted.body)}`);
        }
        return String(asked.body.id);
      }),
    );

  /** Events appended that the read models do not have yet: the worker is in the middle of something. */
  const workInFlight = async () => {
    const [row] = await db.query<{ unsent: string; head: string; projected: string | null }>(
      `SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS unsent, (SELECT max(position) FROM events) AS head,
              (SELECT max(position) FROM projection_checkpoints) AS projected`,
    );
    return Number(row.unsent) > 0 || Number(row.projected ?? 0) < Number(row.head);
  };

  /** One MemberAdmitted per admission, and the state a member. */
  const expectAdmittedOnce = async (codes: string[], proposals: string[]) => {
    const admitted = await db.query<{ proposal: string; count: string }>(
      `SELECT data->>'proposalId' AS proposal, count(*) FROM events WHERE type = 'MemberAdmitted' AND data->>'proposalId' = ANY($1::text[]) GROUP BY 1`,
      [proposals],
    );
    expect(Object.fromEntries(admitted.map((row) => [row.proposal, Number(row.count)]))).toEqual(Object.fromEntries(proposals.map((id) => [id, 1])));
    const compact = await loaded.wa.get<{ members: { stateCode: string; status: string }[] }>(`/compacts/${loaded.compactId}`);
    for (const code of codes) expect(compact.body.members.find((m) => m.stateCode === code)?.status).toBe('admitted');
  };

  async function killMidBatch(victim: { kill: (signal: NodeJS.Signals) => Promise<void> }, tag: string, codes: string[], afterKill: () => Promise<unknown>) {
    const after = Number((await stack.admin.get('/audit/verify')).body.headPosition);
    const load = commandLoad(stack, loaded, tag);
    load.start();
    await eventually(() => load.progress.accepted.size >= 40, { timeoutMs: 20_000, what: 'steady load' });
    const proposals = await admit(codes);
    await eventually(workInFlight, { timeoutMs: 5_000, intervalMs: 5, what: 'the worker to have work in flight' });
    await victim.kill('SIGKILL');
    const killed = Date.now();
    await afterKill();
    await eventually(() => load.lastPosition > 0 && load.progress.timeline.some(([at]) => at > killed + 2_000), { timeoutMs: 20_000, what: 'load after the kill' });
    const report = await load.stop();
    await caughtUp(loaded.wa, loaded.compactId, load.lastPosition, 60_000);
    process.stdout.write(`  caught up ${Date.now() - killed} ms after the kill\n`);
    await eventually(async () => (await loaded.wa.get<{ members: { stateCode: string; status: string }[] }>(`/compacts/${loaded.compactId}`)).body.members.filter((m) => codes.includes(m.stateCode) && m.status === 'admitted').length === codes.length, { timeoutMs: 30_000, intervalMs: 200, what: 'the admissions' });
    const { verdict, lines } = await judgeStack(stack, after, report);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(report.byStatus['503'] ?? 0).toBe(0); // the api never needed the worker
    expect(problemsIn(report, verdict)).toEqual([]);
    await expectAdmittedOnce(codes, proposals);
  }

  it('a worker started after the only one was killed finishes its half-done batches, each effect once', async () => {
    await killMidBatch(stack.worker, 'kill-only', ['ID', 'NV', 'CA', 'UT'], () => stack.startWorker());
    const survivor = stack.workers[stack.workers.length - 1];
    await eventually(async () => (await readiness(survivor.url)).status === 200, { timeoutMs: 15_000, intervalMs: 200, what: 'the new worker to be ready' });
  }, 150_000);

  it('of two workers in one group, the one left takes over the killed one\'s partitions', async () => {
    const victim = stack.workers[stack.workers.length - 1];
    const survivor = await stack.startWorker();
    // Both are in the group, each with partitions, before the kill.
    const admin = stackKafka(stack).admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [group] = (await admin.describeGroups([`${stack.topicPrefix}coalition-worker`])).groups;
        return group.state === 'Stable' && group.members.length === 2;
      }, { timeoutMs: 30_000, intervalMs: 250, what: 'both workers to share the partitions' });
    } finally {
      await admin.disconnect();
    }
    await killMidBatch(victim, 'kill-one-of-two', ['AZ', 'NM', 'CO', 'MT'], async () => undefined);
    expect(survivor.alive()).toBe(true);
    expect((await readiness(survivor.url)).status).toBe(200);
  }, 150_000);
});
