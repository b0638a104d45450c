import { eventually, LocalPostgres, sleep } from '@coalition/platform/testing';
import { Stack } from '../stack';
import { problemsIn } from './verdict';
import { activeCompact, caughtUp, commandLoad, firstAcceptedAfter, judgeStack, LoadedStack, readiness } from './fault-stack';

/**
 * The production shape (api and worker processes, real Kafka) on a PostgreSQL server of the
 * test's own, restarted and then stopped for a few seconds under steady command load. The api
 * must answer only 201 and 503 (never a 500, never a hang); commands retried with their
 * Idempotency-Key take effect once; and within 10 s of the database returning, commands
 * succeed, the projections have caught up and every worker loop is running again, with no
 * process restarted.
 */
describe('PostgreSQL restarted and stopped under load (a server of its own)', () => {
  let server: LocalPostgres;
  let stack: Stack;
  let loaded: LoadedStack;

  beforeAll(async () => {
    server = await LocalPostgres.create();
    stack = await Stack.start({ databaseServerUrl: server.url, env: { MIN_POSITION_WAIT_MS: '1000', DB_CONNECT_TIMEOUT_MS: '2000' } });
    loaded = await activeCompact(stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop().catch(() => undefined);
    await server?.destroy();
  }, 60_000);

  const headPosition = async () => Number((await stack.admin.get('/audit/verify')).body.headPosition);

  it('answers only 201 and 503 through a restart, and nothing is lost or doubled', async () => {
    const processes = [stack.api, stack.worker];
    const after = await headPosition();
    const load = commandLoad(stack, loaded, 'restart');
    load.start();
    await eventually(() => load.progress.accepted.size >= 30, { timeoutMs: 20_000, what: 'steady load' });

    await server.restart('fast');
    const back = Date.now();
    const firstOk = await eventually(() => firstAcceptedAfter(load.progress, back), { timeoutMs: 10_000, what: 'a command to succeed after the restart' });
    const report = await load.stop();
    await caughtUp(loaded.wa, loaded.compactId, load.lastPosition, 10_000 - (Date.now() - back));

    expect(firstOk - back).toBeLessThan(10_000);
    expect(report.byStatus['503']).toBeGreaterThan(0); // the restart was felt...
    expect(report.byStatus.network ?? 0).toBe(0); // ...by the api, which stayed up
    const { verdict, lines } = await judgeStack(stack, after, report);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(problemsIn(report, verdict)).toEqual([]);
    expect(processes.every((app) => app.alive())).toBe(true);
  }, 90_000);

  it('is not ready while the database is down, and everything is back within 10 s of its return without a restart', async () => {
    const processes = [stack.api, stack.worker];
    const after = await headPosition();
    const load = commandLoad(stack, loaded, 'outage');
    load.start();
    await eventually(() => load.progress.accepted.size >= 30, { timeoutMs: 20_000, what: 'steady load' });

    await server.stop('fast');
    await sleep(3_000);
    const api = await readiness(stack.api.url);
    const worker = await readiness(stack.worker.url);
    expect(api.status).toBe(503);
    expect(api.body.details?.database.status).toBe('down');
    expect(worker.status).toBe(503);
    expect(worker.body.details?.relay).toMatchObject({ status: 'down', state: 'failing' });
    const during = load.progress.timeline.filter(([at]) => at > Date.now() - 2_000).map(([, status]) => status);
    expect(new Set(during)).toEqual(new Set(['503']));

    await server.start();
    const back = Date.now();
    const firstOk = await eventually(() => firstAcceptedAfter(load.progress, back), { timeoutMs: 10_000, what: 'a command to succeed after the outage' });
    const written = load.lastPosition;
    const projected = await caughtUp(loaded.wa, loaded.compactId, written, 10_000 - (Date.now() - back));
    await eventually(async () => (await readiness(stack.worker.url)).status === 200, { timeoutMs: Math.max(1, 10_000 - (Date.now() - back)), intervalMs: 200, what: 'every worker loop to run again' });
    const loopsBack = Date.now();
    expect((await readiness(stack.api.url)).status).toBe(200);
    const report = await load.stop();
    process.stdout.write(`  back: first 201 after ${firstOk - back} ms, projections at ${written} after ${projected - back} ms, worker ready after ${loopsBack - back} ms\n`);

    expect(loopsBack - back).toBeLessThan(10_000);
    await caughtUp(loaded.wa, loaded.compactId, load.lastPosition);
    const { verdict, lines } = await judgeStack(stack, after, report);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(problemsIn(report, verdict)).toEqual([]);
    expect(processes.every((app) => app.alive())).toBe(true);
  }, 90_000);
});
