import autocannon from 'autocannon';
import { apiCaller, expectStatus, login } from '../lib/api';
import { BENCH_ADMIN, startBenchApi } from '../lib/bench-api';
import { log, round } from '../lib/stats';

export const CONNECTIONS = 32;
const RESOURCE_TYPES = 64;
const PASSWORD = 'bench coordinator password';

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
  /** Path, body and headers of the n-th request. */
  next(n: number): { path: string; body?: string; headers?: Record<string, string> };
}

/** Two registered states, a coordinator each, a compact they founded and both ratified (so active). */
async function ratifiedCompact(baseUrl: string): Promise<{ compactId: string; tokens: string[] }> {
  const admin = apiCaller(baseUrl, await login(baseUrl, BENCH_ADMIN.username, BENCH_ADMIN.password));
  const states = ['WA', 'OR'];
  const tokens: string[] = [];
  for (const code of states) {
    await expectStatus(admin, 'POST', '/states', { code, name: `State ${code}`, population: 5_000_000 }, [201]);
    const username = `${code.toLowerCase()}.coordinator`;
    await expectStatus(admin, 'POST', '/users', { username, password: PASSWORD, displayName: username, roles: ['coordinator'], stateCode: code }, [201]);
    tokens.push(await login(baseUrl, username, PASSWORD));
  }
  const compact = await expectStatus<{ id: string }>(apiCaller(baseUrl, tokens[0]), 'POST', '/compacts', {
    title: 'Pacific Northwest Mutual Aid',
    purpose: 'Share emergency resources',
    charter: { text: 'The party states agree to share resources in emergencies.' },
    votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
    foundingStates: states,
    minRatifications: 2,
  }, [201]);
  for (const token of tokens) {
    await expectStatus(apiCaller(baseUrl, token), 'POST', `/compacts/${compact.id}/ratifications`, { kind: 'statute', reference: 'RCW 38.10', enactedOn: '2024-03-01' }, [200]);
  }
  return { compactId: compact.id, tokens };
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
          const { path, body, headers } = target.next(n++);
          return { ...request, path, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) };
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
  const api = await startBenchApi({
    JWT_TTL_SECONDS: '3600',
    BENCH_ROUTES: 'true',
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'info',
  });
  try {
    const { compactId, tokens } = await ratifiedCompact(api.url);
    const bare: Target = { route: 'GET /api/v1/bench/ping', method: 'GET', headers: {}, next: () => ({ path: '/api/v1/bench/ping' }) };
    // Two ratified states pledge in turn, spread over RESOURCE_TYPES pools (one stream each).
    const command: Target = {
      route: 'POST /api/v1/compacts/:id/pledges',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      next: (n) => ({
        path: `/api/v1/compacts/${compactId}/pledges`,
        headers: { authorization: `Bearer ${tokens[n % tokens.length]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ resourceType: `kit-${n % RESOURCE_TYPES}`, unit: 'each', quantity: 1 + (n % 40), note: 'Deployable within 6 hours' }),
      }),
    };
    log('http: warming up');
    await load(api.url, bare, 2);
    await load(api.url, command, 2);
    const runs: LoadRun[] = [];
    // BENCH_HTTP_TARGETS=command measures one side alone (to profile it); the figures need both.
    const only = process.env.BENCH_HTTP_TARGETS?.split(',');
    const targets = [bare, command].filter((t) => !only || only.includes(t === bare ? 'bare' : 'command'));
    for (let i = 0; i < options.rounds; i++) {
      for (const target of targets) {
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
  }
}
