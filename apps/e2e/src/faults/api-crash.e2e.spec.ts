import { request } from 'node:http';
import { eventually, sleep } from '@coalition/platform/testing';
import { Stack } from '../stack';
import { activeCompact, caughtUp, commandLoad, judgeStack, LoadedStack } from './fault-stack';
import { problemsIn } from './verdict';

/**
 * The api killed with SIGKILL while commands are in flight, twice, and started again. A
 * command cut off may have committed (its answer lost) or not; the client cannot tell, so it
 * sends it again with the same Idempotency-Key once the api is back, and each command must
 * take effect exactly once: the replay answers what the first attempt stored.
 */
describe('the api killed with kill -9 mid-command', () => {
  let stack: Stack;
  let loaded: LoadedStack;

  beforeAll(async () => {
    stack = await Stack.start({ env: { MIN_POSITION_WAIT_MS: '1000' } });
    loaded = await activeCompact(stack);
  }, 120_000);

  afterAll(() => stack?.stop(), 60_000);

  it('takes each command retried with its Idempotency-Key exactly once', async () => {
    const after = Number((await stack.admin.get('/audit/verify')).body.headPosition);
    const load = commandLoad(stack, loaded, 'api-kill', 6);
    load.start();
    for (let kill = 1; kill <= 2; kill++) {
      const before = load.progress.accepted.size;
      await eventually(() => load.progress.accepted.size >= before + 40, { timeoutMs: 20_000, what: 'steady load' });
      await stack.api.kill('SIGKILL');
      await stack.restartApi();
    }
    const resumed = load.progress.accepted.size;
    await eventually(() => load.progress.accepted.size >= resumed + 20, { timeoutMs: 20_000, what: 'load on the new api' });
    const report = await load.stop();
    await caughtUp(stack.bearer(loaded.tokens[0]), loaded.compactId, load.lastPosition);

    const { verdict, lines } = await judgeStack(stack, after, report);
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(report.byStatus.network).toBeGreaterThan(0); // commands were cut off...
    expect(problemsIn(report, verdict)).toEqual([]); // ...and each took effect once
  }, 150_000);

  it('answers a command whose answer was lost from its first attempt when it is sent again with its key', async () => {
    const token = loaded.tokens[0];
    const keys = Array.from({ length: 10 }, (_, i) => `lost-answer-${i}`);
    const body = (key: string) => JSON.stringify({ resourceType: 'fire-engine', unit: 'each', quantity: 1, note: key });
    // The whole request reaches the api, then the client hangs up before any answer: the
    // command commits, and its answer goes nowhere.
    for (const key of keys) await sendAndHangUp(`${stack.api.url}/api/v1/compacts/${loaded.compactId}/pledges`, token, key, body(key));
    await sleep(1_000);
    const again = await Promise.all(
      keys.map((key) =>
        fetch(`${stack.api.url}/api/v1/compacts/${loaded.compactId}/pledges`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: body(key),
        }).then(async (r) => ({ status: r.status, replayed: r.headers.get('idempotent-replayed') })),
      ),
    );
    expect(again.map((a) => a.status)).toEqual(keys.map(() => 201));
    expect(again.filter((a) => a.replayed === 'true').length).toBeGreaterThan(0);
    const events = await stack.admin.get<{ events: { data: { note?: string } }[] }>(`/audit/events?type=PledgeMade&limit=1000`);
    const counts = keys.map((key) => events.body.events.filter((e) => e.data.note === key).length);
    expect(counts).toEqual(keys.map(() => 1));
  }, 60_000);
});

function sendAndHangUp(url: string, token: string, key: string, body: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.on('finish', () => setTimeout(() => req.destroy(), 5));
    req.end(body);
  });
}
