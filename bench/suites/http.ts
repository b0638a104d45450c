import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { apiCaller, expectStatus, login } from '../lib/api';
import { createCoalitionDatabase } from '../lib/database';
import { kafkaBrokers, deleteTopicsWithPrefix } from '../lib/kafka';
import { RESULTS_DIR, startApp } from '../lib/processes';
import { STATE_CODES } from '../lib/seed';
import { log, round } from '../lib/stats';

export const CONNECTIONS = 32;
const ADMIN = { username: 'bench.admin', password: 'bench admin password' };

export interface LoadRun {
  route: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

export interface HttpResult {
  command_rps: number;
  bare_rps: number;
  command_p50_ms: number;
  command_p99_ms: number;
  command_route: string;
  runs: LoadRun[];
}

interface Target {
  route: string;
  method: 'GET' | 'POST' | 'PATCH';
  headers: Record<string, string>;
  /** Path and body of the n-th request. */
  next(n: number): { path: string; body?: string };
}

async function load(baseUrl: string, target: Target, seconds: number): Promise<LoadRun> {
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: target.method,
        headers: target.headers,
        setupRequest: (request) => {
          const { path, body } = target.next(n++);
          return { ...request, path, ...(body !== undefined ? { body } : {}) };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    route: target.route,
    rps: round(ok / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: round(result.duration, 1),
  };
}

/**
 * The whole api as a process of its own (the production shape, logging at info), a bare
 * GET of the same app as the ceiling, and authenticated commands through every layer:
 * passport + user fold, guard, validation, idempotency and metrics interceptors, the command
 * bus, load-decide-append with hash chain and outbox.
 */
export async function httpSuite(options: { seconds: number; rounds: number }): Promise<HttpResult> {
  const database = await createCoalitionDatabase(2);
  await database.db.close();
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  const api = await startApp(
    'api',
    {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      JWT_SECRET: randomBytes(24).toString('hex'),
      JWT_TTL_SECONDS: '3600',
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      BENCH_ROUTES: 'true',
      LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'info',
    },
    join(RESULTS_DIR, 'api.log.tmp'),
  );
  try {
    const token = await login(api.url, ADMIN.username, ADMIN.password);
    const admin = apiCaller(api.url, token);
    for (const code of STATE_CODES) await expectStatus(admin, 'POST', '/states', { code, name: `State ${code}`, population: 1_000_000 }, [201]);
    const bare: Target = { route: 'GET /api/v1/bench/ping', method: 'GET', headers: {}, next: () => ({ path: '/api/v1/bench/ping' }) };
    const command: Target = {
      route: 'PATCH /api/v1/states/:code',
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      next: (n) => ({ path: `/api/v1/states/${STATE_CODES[n % STATE_CODES.length]}`, body: JSON.stringify({ population: 2_000_000 + n }) }),
    };
    log('http: warming up');
    await load(api.url, bare, 2);
    await load(api.url, command, 2);
    const runs: LoadRun[] = [];
    for (let i = 0; i < options.rounds; i++) {
      for (const target of [bare, command]) {
        const run = await load(api.url, target, options.seconds);
        log(`http: ${run.route}: ${run.rps} rps, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms (${run.non2xx} non-2xx, ${run.errors} errors)`);
        runs.push(run);
      }
    }
    const of = (route: string) => runs.filter((r) => r.route === route);
    const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / values.length, 1);
    const commands = of(command.route);
    if (commands.some((r) => r.non2xx > r.ok * 0.01)) throw new Error(`too many failed commands: ${JSON.stringify(commands)}`);
    return {
      command_rps: mean(commands.map((r) => r.rps)),
      bare_rps: mean(of(bare.route).map((r) => r.rps)),
      command_p50_ms: mean(commands.map((r) => r.p50Ms)),
      command_p99_ms: mean(commands.map((r) => r.p99Ms)),
      command_route: command.route,
      runs,
    };
  } finally {
    await api.stop();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  }
}
