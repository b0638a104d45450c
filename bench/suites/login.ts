import { apiCaller, expectStatus, login } from '../lib/api';
import { BENCH_ADMIN, startBenchApi } from '../lib/bench-api';
import { log, now, percentile, round, sleep } from '../lib/stats';

const REAL = { username: 'real.user', password: 'the real user password' };
/** Bogus logins kept in flight at once, each with a fresh username (a full password check each, before the gate). */
export const BOGUS_CONCURRENCY = 32;

export interface LoginResult {
  /** A real user's login, one at a time, on an idle api. */
  idle_p50_ms: number;
  /** The same, while BOGUS_CONCURRENCY bogus logins are kept in flight. */
  under_attack_p50_ms: number;
  /** Real logins refused 429 under attack (retried after Retry-After); the p50 counts the successful ones. */
  under_attack_refused: number;
  live_idle_p99_ms: number;
  live_under_attack_p99_ms: number;
  bogus_sent: number;
  bogus_refused_429: number;
}

async function timed(work: () => Promise<number>): Promise<{ ms: number; status: number }> {
  const started = now();
  const status = await work();
  return { ms: now() - started, status };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
const live = (url: string) => fetch(`${url}/health/live`).then(async (r) => {
  await r.arrayBuffer();
  return r.status;
});

/** Real-user logins and /health/live probes, one after the other, for `seconds`. */
async function probe(url: string, seconds: number) {
  const logins: number[] = [];
  const probes: number[] = [];
  let refused = 0;
  const until = now() + seconds * 1000;
  while (now() < until) {
    const attempt = await timed(() => post(url, REAL));
    if (attempt.status === 200) logins.push(attempt.ms);
    else if (attempt.status === 429) {
      refused += 1;
      await sleep(1_000); // as Retry-After says
    }
    else throw new Error(`real login answered ${attempt.status}`);
    for (let i = 0; i < 5; i++) probes.push((await timed(() => live(url))).ms);
  }
  return { logins, probes, refused };
}

/**
 * Login as a CPU lever (issue 12): a real user's login latency and /health/live, idle and while
 * 32 bogus logins with fresh usernames are kept in flight from other connections. The failed-login
 * limits are lifted so the bogus stream keeps costing password checks (a worst case: from many
 * addresses, the per-address limit would not stop it); only the hashing gate bounds the work.
 */
export async function loginSuite(options: { seconds: number }): Promise<LoginResult> {
  // The failed-login limits are lifted too: the bogus stream must keep costing password checks.
  const api = await startBenchApi({ LOG_LEVEL: 'warn', LOGIN_ADDRESS_FAILURE_LIMIT: '1000000' });
  try {
    const admin = apiCaller(api.url, await login(api.url, BENCH_ADMIN.username, BENCH_ADMIN.password));
    await expectStatus(admin, 'POST', '/users', { ...REAL, displayName: 'Real', roles: ['auditor'] }, [201]);
    log('login: idle');
    await probe(api.url, 2);
    const idle = await probe(api.url, options.seconds);

    log(`login: under ${BOGUS_CONCURRENCY} concurrent bogus logins`);
    let running = true;
    let sent = 0;
    let refused429 = 0;
    const attackers = Array.from({ length: BOGUS_CONCURRENCY }, async () => {
      while (running) {
        const status = await post(api.url, { username: `bogus.${sent++}`, password: 'not a real password' });
        if (status === 429) {
          refused429 += 1;
          await sleep(5); // a determined attacker ignores Retry-After, but yields the event loop
        }
      }
    });
    await sleep(1_000);
    const attacked = await probe(api.url, options.seconds);
    running = false;
    await Promise.all(attackers);
    return {
      idle_p50_ms: round(percentile(idle.logins, 50), 1),
      under_attack_p50_ms: round(percentile(attacked.logins, 50), 1),
      under_attack_refused: attacked.refused,
      live_idle_p99_ms: round(percentile(idle.probes, 99), 1),
      live_under_attack_p99_ms: round(percentile(attacked.probes, 99), 1),
      bogus_sent: sent,
      bogus_refused_429: refused429,
    };
  } finally {
    await api.stop();
  }
}
