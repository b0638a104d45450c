import { Stack } from './stack';

/**
 * The per-principal rate limit at its lowest allowed setting: API.md promises no route is
 * limited below 100 requests per second per principal, and the login throttle is its own.
 */
describe('per-principal rate limit at 100 requests a second', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ env: { RATE_LIMIT_PER_SECOND: '100' } });
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('lets one principal make 100 requests within a second, refuses the rest with 429 RATE_LIMITED, and leaves other principals alone', async () => {
    const auditor = await stack.auditor();
    // Warm the api up (its first requests are slower), then give the admin a fresh window.
    await Promise.all(Array.from({ length: 50 }, () => auditor.get('/auth/me')));
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 140 }, () => stack.admin.get('/auth/me')));
    const elapsed = Date.now() - started;
    const fromAnother = await auditor.get('/auth/me');
    if (elapsed >= 1_000) throw new Error(`the burst took ${elapsed} ms, longer than the one-second window: the machine is too busy to tell`);

    const count = (status: number) => burst.filter((answer) => answer.status === status).length;
    expect({ ok: count(200), limited: count(429) }).toEqual({ ok: 100, limited: 40 });
    const limited = burst.find((answer) => answer.status === 429);
    expect(limited).toMatchObject({ type: expect.stringContaining('application/problem+json'), body: { code: 'RATE_LIMITED', status: 429 } });
    expect(fromAnother.status).toBe(200);
  });
});
