import { LoopStatus } from './worker-loops';
import { BackoffLoop, backoffDelay, worthLogging } from './backoff-loop';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backoffDelay', () => {
  it('doubles from the initial wait up to the cap, within 20 % jitter', () => {
    const backoff = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, backoff, () => 0.5))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(1, backoff, () => 0)).toBe(80);
    expect(backoffDelay(30, backoff, () => 1)).toBe(1_200);
  });

  it('logs the first failure and then ever more rarely', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 16].map(worthLogging)).toEqual([true, true, false, true, false, true, false, true]);
  });
});

describe('BackoffLoop', () => {
  it('keeps going through failures, backing off, and reports itself healthy again once a pass succeeds', async () => {
    const status = new LoopStatus('test-loop');
    const outcomes = ['fail', 'fail', 'fail', 'ok'];
    const passes: number[] = [];
    const loop = new BackoffLoop(async () => {
      passes.push(Date.now());
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'fail') throw new Error('database down');
      return false;
    }, { idleMs: 10_000, backoff: { initialMs: 40, maxMs: 100 }, status, what: 'test pass' });
    loop.start();
    await sleep(60);
    expect(status.report()).toMatchObject({ state: 'failing', healthy: false, lastError: 'database down' });
    for (let waited = 0; outcomes.length > 0 && waited < 2_000; waited += 20) await sleep(20);
    await sleep(20);
    expect(status.report()).toMatchObject({ state: 'running', healthy: true, consecutiveFailures: 0 });
    // Three failures: waits of about 40, 80 and 100 ms between the four passes.
    const gaps = passes.slice(1, 4).map((at, i) => at - passes[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(30);
    expect(gaps[2]).toBeGreaterThanOrEqual(gaps[0]);
    await loop.stop();
    expect(status.report().state).toBe('stopped');
  });

  it('runs again at once when a pass says more is waiting, and when nudged during the idle wait', async () => {
    let runs = 0;
    const loop = new BackoffLoop(async () => ++runs < 3, { idleMs: 60_000, status: new LoopStatus('t'), what: 'x' });
    loop.start();
    await sleep(50);
    expect(runs).toBe(3);
    loop.nudge();
    await sleep(20);
    expect(runs).toBe(4);
    const stopped = Date.now();
    await loop.stop();
    expect(Date.now() - stopped).toBeLessThan(100);
  });
});
