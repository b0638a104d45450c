import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHAOS_USAGE = `usage: npm run chaos [-- options]

Steady command load against a running deployment while PostgreSQL is restarted, Kafka is
stopped and started, and a worker is killed with SIGKILL (twice); then the figures: commands
sent, answers by status, events audited, events on Kafka exactly once, chain verification,
read models against a rebuild, and the time each fault took to recover from.
Not part of npm test: it restarts real servers. Point it at servers you may restart.

  --api URL              the api (CHAOS_API_URL; default http://127.0.0.1:3000)
  --username NAME        an admin (CHAOS_ADMIN_USERNAME, else BOOTSTRAP_ADMIN_USERNAME)
  --password SECRET      its password (CHAOS_ADMIN_PASSWORD, else BOOTSTRAP_ADMIN_PASSWORD)
  --seconds N            how long the load runs (CHAOS_SECONDS; default 60)
  --lanes N              commands in flight at once (CHAOS_LANES; default 8)
  --db-restart CMD       restarts PostgreSQL (CHAOS_DB_RESTART; default: pg_ctlcluster <version> main restart -m fast)
  --kafka-stop CMD       stops Kafka (CHAOS_KAFKA_STOP; default: tools/kafka/kafka-down.sh for the port of KAFKA_BROKERS)
  --kafka-start CMD      starts it again (CHAOS_KAFKA_START; default: tools/kafka/kafka-up.sh for that port)
  --worker-kill CMD      kills a worker (CHAOS_WORKER_KILL; default: SIGKILL to a worker this script started)
  --worker-start CMD     starts a worker (CHAOS_WORKER_START; default: this script starts one with its own environment)
  --skip LIST            faults to leave out: db, kafka, worker (CHAOS_SKIP)

For the checks behind the api it also reads DATABASE_URL (read models against a rebuild, in a
transaction it rolls back) and KAFKA_BROKERS with KAFKA_TOPIC_PREFIX (events on the topics).
The default worker is started with this environment, so it needs what a worker needs.`;

export type Fault = 'db' | 'kafka' | 'worker';

export interface ChaosOptions {
  api: string;
  username: string;
  password: string;
  seconds: number;
  lanes: number;
  dbRestart: string;
  kafkaStop: string;
  kafkaStart: string;
  /** Undefined: kill the worker this script started. */
  workerKill?: string;
  /** Undefined: start a worker process of this script's own. */
  workerStart?: string;
  skip: Set<Fault>;
  databaseUrl?: string;
  kafkaBrokers?: string[];
  topicPrefix: string;
}

export class ChaosUsageError extends Error {}

const FLAGS: Record<string, string> = {
  '--api': 'CHAOS_API_URL',
  '--username': 'CHAOS_ADMIN_USERNAME',
  '--password': 'CHAOS_ADMIN_PASSWORD',
  '--seconds': 'CHAOS_SECONDS',
  '--lanes': 'CHAOS_LANES',
  '--db-restart': 'CHAOS_DB_RESTART',
  '--kafka-stop': 'CHAOS_KAFKA_STOP',
  '--kafka-start': 'CHAOS_KAFKA_START',
  '--worker-kill': 'CHAOS_WORKER_KILL',
  '--worker-start': 'CHAOS_WORKER_START',
  '--skip': 'CHAOS_SKIP',
};

/** Flags win over the environment; `--flag value` and `--flag=value` both work. */
export function parseChaosOptions(argv: readonly string[], env: NodeJS.ProcessEnv, root: string): ChaosOptions {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') throw new ChaosUsageError(CHAOS_USAGE);
    const variable = FLAGS[flag];
    if (!variable) throw new ChaosUsageError(`unknown argument ${argv[i]}\n\n${CHAOS_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ChaosUsageError(`${flag} needs a value`);
    given.set(variable, value);
  }
  const get = (name: string) => given.get(name) ?? (env[name] || undefined);
  const username = get('CHAOS_ADMIN_USERNAME') ?? env.BOOTSTRAP_ADMIN_USERNAME;
  const password = get('CHAOS_ADMIN_PASSWORD') ?? env.BOOTSTRAP_ADMIN_PASSWORD;
  if (!username || !password) throw new ChaosUsageError('an admin is needed: --username and --password (or CHAOS_ADMIN_USERNAME and CHAOS_ADMIN_PASSWORD)');
  const kafkaBrokers = env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',') : undefined;
  const kafkaPort = kafkaBrokers?.[0]?.split(':').pop() ?? '9092';
  const skip = new Set((get('CHAOS_SKIP') ?? '').split(',').filter(Boolean));
  for (const fault of skip) if (!['db', 'kafka', 'worker'].includes(fault)) throw new ChaosUsageError(`--skip takes db, kafka and worker, not ${fault}`);
  return {
    api: (get('CHAOS_API_URL') ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
    username,
    password,
    seconds: positive(get('CHAOS_SECONDS') ?? '60', '--seconds'),
    lanes: positive(get('CHAOS_LANES') ?? '8', '--lanes'),
    dbRestart: get('CHAOS_DB_RESTART') ?? defaultDatabaseRestart(),
    kafkaStop: get('CHAOS_KAFKA_STOP') ?? `KAFKA_PORT=${kafkaPort} bash ${join(root, 'tools/kafka/kafka-down.sh')}`,
    kafkaStart: get('CHAOS_KAFKA_START') ?? `KAFKA_PORT=${kafkaPort} bash ${join(root, 'tools/kafka/kafka-up.sh')}`,
    workerKill: get('CHAOS_WORKER_KILL'),
    workerStart: get('CHAOS_WORKER_START'),
    skip: skip as Set<Fault>,
    databaseUrl: env.DATABASE_URL,
    kafkaBrokers,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
  };
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ChaosUsageError(`${flag} must be a positive whole number`);
  return n;
}

/** Debian's cluster of the newest installed version, as .ci/run starts it. */
function defaultDatabaseRestart(): string {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  return `pg_ctlcluster --skip-systemctl-redirect ${versions[0] ?? '15'} main restart -m fast`;
}
