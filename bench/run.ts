import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { admin, dropLeftovers } from './lib/database';
import { ensureKafka, kafkaBrokers, stopKafkaIfStartedHere } from './lib/kafka';
import { RESULTS_DIR, ROOT } from './lib/processes';
import { log, round } from './lib/stats';
import { appendSuite, AppendResult } from './suites/append';
import { ConsoleResult, consoleSuite } from './suites/console';
import { httpSuite, HttpResult } from './suites/http';
import { lagSuite, LagMeasurement } from './suites/projection-lag';
import { LoginResult, loginSuite } from './suites/login';
import { readSideSuite } from './suites/read-side';
import { RelayResult, relaySuite } from './suites/relay';
import { ScalePoint, scaleSuite } from './suites/scale';
import { TransparencyLogResult, transparencyLogSuite } from './suites/transparency-log';

/**
 * `npm run bench [-- --quick] [-- --only=append,http,relay,lag,read-side,scale,login,tlog,console]` (`--tlog-events=N` sizes the tlog store)
 *
 * Every figure and its baseline are measured in the same run, on the same PostgreSQL and
 * Kafka, each in a fresh database (and a fresh process where they could interfere).
 * --quick: shorter runs, smaller data sets, no scale test (at most 3 minutes).
 */
const SUITES = ['append', 'http', 'relay', 'lag', 'read-side', 'scale', 'login', 'tlog', 'console'] as const;
type Suite = (typeof SUITES)[number];

interface Plan {
  quick: boolean;
  suites: Suite[];
  appendSeconds: number;
  httpSeconds: number;
  rounds: number;
  relayEvents: number;
  lagSeconds: number;
  readSideEvents: number;
  scaleCheckpoints: number[];
  tlogEvents: number;
  consoleRounds: number;
  loginSeconds: number;
}

function plan(argv: string[]): Plan {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  for (const name of only ?? []) if (!SUITES.includes(name as Suite)) throw new Error(`unknown suite ${name}; choose from ${SUITES.join(', ')}`);
  const suites = (only as Suite[] | undefined) ?? SUITES.filter((s) => !(quick && s === 'scale'));
  const tlogEvents = Number(argv.find((a) => a.startsWith('--tlog-events='))?.slice('--tlog-events='.length) ?? (quick ? 50_000 : 1_000_000));
  return quick
    ? { quick, suites, appendSeconds: 6, httpSeconds: 6, rounds: 1, relayEvents: 20_000, lagSeconds: 8, readSideEvents: 30_000, scaleCheckpoints: [], tlogEvents, consoleRounds: 3, loginSeconds: 6 }
    : { quick, suites, appendSeconds: 15, httpSeconds: 15, rounds: 2, relayEvents: 100_000, lagSeconds: 20, readSideEvents: 200_000, scaleCheckpoints: [100_000, 1_000_000], tlogEvents, consoleRounds: 7, loginSeconds: 15 };
}

async function machine() {
  const [pg] = await admin((client) => client.query<{ server_version: string }>('SHOW server_version').then((r) => r.rows));
  let kafka = 'unknown';
  try {
    const { benchKafka } = await import('./lib/kafka');
    const client = benchKafka('coalition-bench-version').admin();
    await client.connect();
    const cluster = await client.describeCluster();
    await client.disconnect();
    kafka = `${cluster.brokers.length} broker(s) at ${kafkaBrokers().join(',')}`;
  } catch {
    // reported as unknown
  }
  const load = readFileSync('/proc/loadavg', 'utf8').trim();
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    postgresql: pg.server_version,
    kafka,
    kafkaVersion: /<kafka\.version>([^<]+)</.exec(readFileSync(join(ROOT, 'tools/kafka/pom.xml'), 'utf8'))?.[1] ?? 'unknown',
    loadAverageAtStart: load,
  };
}

const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0);

interface Results {
  append?: AppendResult;
  http?: HttpResult;
  relay?: RelayResult;
  lag?: LagMeasurement;
  readSide?: Awaited<ReturnType<typeof readSideSuite>>;
  scale?: ScalePoint[];
  tlog?: TransparencyLogResult;
  consoleResult?: ConsoleResult;
  loginRun?: LoginResult;
}

/** Runs the planned suites, in this order (lag needs the append rate; scale and console are the longest). */
async function runSuites(p: Plan): Promise<Results> {
  const r: Results = {};
  const planned = (suite: Suite) => p.suites.includes(suite);
  if (planned('append')) r.append = await appendSuite({ seconds: p.appendSeconds, rounds: p.rounds });
  if (planned('http')) r.http = await httpSuite({ seconds: p.httpSeconds, rounds: p.rounds });
  if (planned('relay')) r.relay = await relaySuite({ events: p.relayEvents, rounds: p.rounds });
  if (planned('lag')) {
    // Half of the measured maximum append rate (measured now when the append suite was skipped).
    const max = r.append?.ours_eps ?? (await appendSuite({ seconds: 4, rounds: 1 })).ours_eps;
    r.lag = await lagSuite({ rate: Math.max(1, Math.round(max / 2)), seconds: p.lagSeconds });
  }
  if (planned('read-side')) r.readSide = await readSideSuite({ events: p.readSideEvents });
  if (planned('login')) r.loginRun = await loginSuite({ seconds: p.loginSeconds });
  if (planned('scale')) r.scale = await scaleSuite({ checkpoints: p.scaleCheckpoints, appendSeconds: p.appendSeconds });
  if (planned('tlog')) r.tlog = await transparencyLogSuite({ appendSeconds: p.appendSeconds, rounds: p.rounds, storeEvents: p.tlogEvents });
  if (planned('console')) r.consoleResult = await consoleSuite({ rounds: p.consoleRounds });
  return r;
}

/** The published figures (latest.json): exactly these keys. */
function published({ append, http, relay, lag, readSide, tlog, consoleResult, loginRun }: Results) {
  return {
    append: append && { ours_eps: append.ours_eps, emmett_eps: append.emmett_eps, raw_pg_eps: append.raw_pg_eps },
    http: http && { command_rps: http.command_rps, bare_rps: http.bare_rps, command_p50_ms: http.command_p50_ms, command_p99_ms: http.command_p99_ms },
    relay: relay && { ours_eps: relay.ours_eps, kafka_raw_eps: relay.kafka_raw_eps },
    projection_lag_ms: lag && { p50: lag.p50, p99: lag.p99 },
    rebuild: readSide?.rebuild,
    verify: readSide?.verify,
    transparency_log: tlog,
    console: consoleResult && {
      first_load_js_gzip_kb: consoleResult.firstLoadJsGzipKb,
      sign_in_to_home_p50_ms: consoleResult.signInToHomeMs.p50,
      vote_to_other_tally_p50_ms: consoleResult.voteToOtherTallyMs.p50,
    },
    login: loginRun && {
      idle_p50_ms: loginRun.idle_p50_ms, under_attack_p50_ms: loginRun.under_attack_p50_ms,
      live_idle_p99_ms: loginRun.live_idle_p99_ms, live_under_attack_p99_ms: loginRun.live_under_attack_p99_ms,
    },
  };
}

interface Target {
  figure: string;
  ratio: number;
  target: string;
  met: boolean;
}

function tlogTargets(tlog: TransparencyLogResult): Target[] {
  const n = tlog.store_events;
  const backfillLimit = (120 * n) / 1_000_000;
  return [
    { figure: 'append with the tree vs without', ratio: ratio(tlog.append_with_tree_eps, tlog.append_without_tree_eps), target: '>= 0.9', met: tlog.append_with_tree_eps >= 0.9 * tlog.append_without_tree_eps },
    { figure: `tlog verify vs raw sha256 (${n} leaves)`, ratio: ratio(tlog.verify_eps, tlog.raw_sha256_eps), target: '>= 0.5', met: tlog.verify_eps >= 0.5 * tlog.raw_sha256_eps },
    { figure: `inclusion proof p99 (${n} events)`, ratio: tlog.inclusion_p99_ms, target: '<= 10 ms', met: tlog.inclusion_p99_ms <= 10 },
    { figure: `consistency proof p99 (${n} events)`, ratio: tlog.consistency_p99_ms, target: '<= 10 ms', met: tlog.consistency_p99_ms <= 10 },
    { figure: `backfill seconds (${n} events)`, ratio: tlog.backfill_seconds, target: `<= ${round(backfillLimit)} s`, met: tlog.backfill_seconds <= backfillLimit },
  ];
}

function targetsOf({ append, http, relay, lag, readSide, tlog, consoleResult, loginRun }: Results): Target[] {
  return [
    append && { figure: 'append vs Emmett', ratio: ratio(append.ours_eps, append.emmett_eps), target: '>= 1.0', met: append.ours_eps >= append.emmett_eps },
    append && { figure: 'append vs raw INSERT', ratio: ratio(append.ours_eps, append.raw_pg_eps), target: '>= 0.5', met: append.ours_eps >= 0.5 * append.raw_pg_eps },
    http && { figure: 'HTTP commands vs bare GET', ratio: ratio(http.command_rps, http.bare_rps), target: '>= 0.4', met: http.command_rps >= 0.4 * http.bare_rps },
    relay && { figure: 'relay vs raw kafkajs', ratio: ratio(relay.ours_eps, relay.kafka_raw_eps), target: '>= 0.5', met: relay.ours_eps >= 0.5 * relay.kafka_raw_eps },
    lag && { figure: 'projection lag p99', ratio: lag.p99, target: '<= 100 ms', met: lag.p99 <= 100 },
    readSide && { figure: 'rebuild vs raw read', ratio: ratio(readSide.rebuild.ours_eps, readSide.rebuild.raw_read_eps), target: '>= 0.3', met: readSide.rebuild.ours_eps >= 0.3 * readSide.rebuild.raw_read_eps },
    readSide && { figure: 'verify vs raw sha256', ratio: ratio(readSide.verify.ours_eps, readSide.verify.raw_sha256_eps), target: '>= 0.5', met: readSide.verify.ours_eps >= 0.5 * readSide.verify.raw_sha256_eps },
    ...(tlog ? tlogTargets(tlog) : []),
    consoleResult && { figure: 'console JS on first load (gzip)', ratio: consoleResult.firstLoadJsGzipKb, target: '< 250 KB', met: consoleResult.firstLoadJsGzipKb < 250 },
    consoleResult && { figure: 'console sign-in to home p50', ratio: consoleResult.signInToHomeMs.p50, target: '< 1000 ms', met: consoleResult.signInToHomeMs.p50 < 1000 },
    consoleResult && { figure: 'console vote to another tally p50', ratio: consoleResult.voteToOtherTallyMs.p50, target: '< 2000 ms', met: consoleResult.voteToOtherTallyMs.p50 < 2000 },
    loginRun && { figure: 'real login p50 under 32 bogus logins vs idle', ratio: ratio(loginRun.under_attack_p50_ms, loginRun.idle_p50_ms), target: '< 2', met: loginRun.under_attack_p50_ms < 2 * loginRun.idle_p50_ms },
    loginRun && { figure: '/health/live p99 under 32 bogus logins', ratio: loginRun.live_under_attack_p99_ms, target: '< 50 ms', met: loginRun.live_under_attack_p99_ms < 50 },
  ].filter((t): t is Target => Boolean(t));
}

async function main(): Promise<void> {
  const p = plan(process.argv.slice(2));
  const started = Date.now();
  ensureKafka();
  const env = await machine();
  log(`${p.quick ? 'quick' : 'full'} run of ${p.suites.join(', ')} on ${env.cpus} CPUs (load ${env.loadAverageAtStart}), PostgreSQL ${env.postgresql}, Kafka ${env.kafka}`);
  const results = await runSuites(p);
  const latest = published(results);
  const targets = targetsOf(results);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const complete = Object.values(latest).every(Boolean);
  const { append, http, relay, lag, readSide, scale, tlog, consoleResult, loginRun } = results;
  const details = {
    mode: p.quick ? 'quick' : 'full',
    machine: env,
    wallSeconds: round((Date.now() - started) / 1000),
    targets,
    append,
    http,
    relay,
    projectionLag: lag,
    readSide: readSide?.measurement,
    scale,
    transparencyLog: tlog,
    console: consoleResult,
    login: loginRun,
  };
  // latest.json holds exactly the published keys, so only a run of every suite writes it.
  const name = complete ? 'latest' : 'partial';
  writeFileSync(join(RESULTS_DIR, complete ? 'latest.json' : 'partial.json.tmp'), `${JSON.stringify(latest, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, complete ? `${p.quick ? 'quick' : 'full'}-details.json` : 'partial-details.json.tmp'), `${JSON.stringify(details, null, 2)}\n`);
  process.stdout.write(`\n${JSON.stringify(latest, null, 2)}\n\n`);
  for (const t of targets) process.stdout.write(`${t.met ? 'met   ' : 'MISSED'}  ${t.figure}: ${t.ratio} (target ${t.target})\n`);
  process.stdout.write(`\nwritten to bench/results/${name}*.json in ${details.wallSeconds} s\n`);
}

const cleanUp = async () => {
  await dropLeftovers();
  stopKafkaIfStartedHere();
};

process.once('SIGINT', () => {
  cleanUp().finally(() => process.exit(130));
});

main().then(
  () => cleanUp(),
  async (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    await cleanUp();
    process.exit(1);
  },
);
