import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, LocalKafkaBroker, sleep } from '@coalition/platform/testing';
import { Stack } from '../stack';
import { activeCompact, caughtUp, commandLoad, judgeStack, LoadedStack, readiness, stackKafka } from './fault-stack';
import { problemsIn } from './verdict';

/**
 * The production shape on a Kafka broker of the test's own (its own port and state directory;
 * the jars are shared), stopped for a few seconds under steady command load and started
 * again. Commands need only the database, so they keep succeeding; the outbox holds what
 * could not be published, the relay and the consumer keep trying, and once the broker is back
 * every event is published and projected, with no process restarted.
 */
describe('Kafka stopped and restarted under load (a broker of its own)', () => {
  const broker = new LocalKafkaBroker(Number(process.env.KAFKA_FAULT_PORT || 38092), '-Xms128m -Xmx512m', mkdtempSync(join(tmpdir(), 'coalition-kafka-')));
  let stack: Stack;
  let loaded: LoadedStack;

  beforeAll(async () => {
    await broker.up();
    stack = await Stack.start({ kafkaBrokers: broker.brokers, env: { MIN_POSITION_WAIT_MS: '1000', KAFKA_SESSION_TIMEOUT_MS: '6000' } });
    loaded = await activeCompact(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop().catch(() => undefined);
    await broker.destroy(); // whatever happened above, never leave this broker running
  }, 90_000);

  it('keeps answering commands while Kafka is down, and publishes and projects every event once it is back', async () => {
    const processes = [stack.api, stack.worker];
    const after = Number((await stack.admin.get('/audit/verify')).body.headPosition);
    const load = commandLoad(stack, loaded, 'kafka');
    load.start();
    await eventually(() => load.progress.accepted.size >= 30, { timeoutMs: 20_000, what: 'steady load' });

    await broker.down();
    const down = load.progress.accepted.size;
    await sleep(4_000);
    expect(load.progress.accepted.size).toBeGreaterThan(down + 10); // commands do not need Kafka
    const api = await readiness(stack.api.url);
    expect(api.status).toBe(503);
    expect(api.body.details?.kafka.status).toBe('down');
    expect((await readiness(stack.worker.url)).body.details?.relay).toMatchObject({ status: 'down', state: 'failing' });

    await broker.up();
    const back = Date.now();
    const written = load.lastPosition;
    await caughtUp(loaded.wa, loaded.compactId, written, 60_000);
    const projected = Date.now();
    await eventually(async () => (await readiness(stack.worker.url)).status === 200, { timeoutMs: 30_000, intervalMs: 200, what: 'every worker loop to run again' });
    const report = await load.stop();
    process.stdout.write(`  back: projections at ${written} ${projected - back} ms after the broker answered again, worker ready after ${Date.now() - back} ms\n`);

    expect(report.byStatus['503'] ?? 0).toBe(0);
    await caughtUp(loaded.wa, loaded.compactId, load.lastPosition);
    const kafka = stackKafka(stack);
    const { verdict, lines } = await judgeStack(stack, after, report, kafka);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(problemsIn(report, verdict)).toEqual([]);
    expect(processes.every((app) => app.alive())).toBe(true);
  }, 180_000);
});
