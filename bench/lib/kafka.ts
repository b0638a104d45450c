import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createKafka } from '@coalition/event-store';
import { ROOT } from './processes';
import { log } from './stats';

let startedHere = false;

/**
 * The broker at KAFKA_BROKERS; when that is unset, the repository's own broker
 * (tools/kafka/kafka-up.sh), stopped afterwards only if this run started it.
 */
export function ensureKafka(): void {
  if (process.env.KAFKA_BROKERS) return;
  const port = process.env.KAFKA_PORT ?? '9092';
  log(`KAFKA_BROKERS is unset: starting the repository's broker on 127.0.0.1:${port}`);
  const up = spawnSync('bash', [join(ROOT, 'tools/kafka/kafka-up.sh')], { cwd: ROOT, env: { ...process.env, KAFKA_PORT: port }, encoding: 'utf8' });
  const said = `${up.stdout ?? ''}${up.stderr ?? ''}`;
  if (up.status !== 0) throw new Error(`could not start the Kafka broker (exit ${up.status}):\n${said}`);
  startedHere = !/already running/i.test(said);
  process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
}

export function stopKafkaIfStartedHere(): void {
  if (!startedHere) return;
  spawnSync('bash', [join(ROOT, 'tools/kafka/kafka-down.sh')], { cwd: ROOT, env: process.env, stdio: 'inherit' });
  startedHere = false;
}

export const kafkaBrokers = (): string[] =>
  (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

export const benchKafka = (clientId = 'coalition-bench') => createKafka({ brokers: kafkaBrokers(), clientId, partitions: 3, topicPrefix: '' });

/** Removes the topics a measurement created on the shared broker. */
export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  const admin = benchKafka('coalition-bench-cleanup').admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
  } catch {
    // Leftover topics under a random prefix harm nobody.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
