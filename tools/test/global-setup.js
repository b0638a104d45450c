// Makes `npm test` pass on a fresh machine with nothing run first: the local PostgreSQL is
// used unless DATABASE_URL says otherwise, and a real Kafka broker is started from Apache's
// own jars (tools/kafka) unless KAFKA_BROKERS points at one. Tests never fake either.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

module.exports = async function globalSetup() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.KAFKA_BROKERS) return;
  const port = process.env.KAFKA_PORT ?? '9092';
  const up = spawnSync('bash', [path.join(root, 'tools/kafka/kafka-up.sh')], {
    cwd: root,
    env: { ...process.env, KAFKA_PORT: port },
    encoding: 'utf8',
  });
  const said = `${up.stdout ?? ''}${up.stderr ?? ''}`;
  process.stderr.write(said);
  if (up.status !== 0) throw new Error(`could not start the Kafka broker (exit ${up.status}); see the lines above`);
  // Stop it afterwards only if this run started it.
  globalThis.__COALITION_KAFKA_STARTED__ = !/already running/i.test(said);
  process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
};
