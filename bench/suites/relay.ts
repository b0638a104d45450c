import { randomBytes } from 'node:crypto';
import { Message } from 'kafkajs';
import { ensureTopics, KafkaEventPublisher, OutboxRelay, physicalTopic, StoredEvent, toKafkaMessage, TOPICS } from '@coalition/event-store';
import { createCoalitionDatabase } from '../lib/database';
import { benchKafka, deleteTopicsWithPrefix } from '../lib/kafka';
import { runChild } from '../lib/processes';
import { EventGenerator, seedEvents } from '../lib/seed';
import { log, now, perSecond, round } from '../lib/stats';

/** The relay's default batch (RELAY_BATCH_SIZE), used by both contenders. */
export const RELAY_BATCH = 500;

export interface RelayTask {
  kind: 'relay';
  system: 'ours' | 'raw';
  events: number;
}

export interface RelayMeasurement {
  system: 'ours' | 'raw';
  events: number;
  seconds: number;
  eps: number;
}

async function ours(events: number): Promise<RelayMeasurement> {
  const database = await createCoalitionDatabase(4);
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  const kafka = benchKafka();
  const publisher = new KafkaEventPublisher(kafka, prefix);
  try {
    await ensureTopics(kafka, { brokers: [], clientId: 'coalition-bench', partitions: 3, topicPrefix: prefix });
    // One batch more than measured: the first drain connects and warms up, untimed.
    await seedEvents(database.db, events + RELAY_BATCH, { sent: false });
    const relay = new OutboxRelay(database.db, publisher, { batchSize: RELAY_BATCH, intervalMs: 50 });
    await relay.drainOnce();
    const started = now();
    let sent = 0;
    for (let batch = await relay.drainOnce(); batch > 0; batch = await relay.drainOnce()) sent += batch;
    const elapsed = now() - started;
    if (sent !== events || (await relay.backlog()) !== 0) throw new Error(`relay sent ${sent} of ${events}`);
    return { system: 'ours', events, seconds: round(elapsed / 1000, 2), eps: round(perSecond(sent, elapsed)) };
  } finally {
    await publisher.disconnect();
    await database.drop();
    await deleteTopicsWithPrefix(prefix);
  }
}

/** The ceiling: the same messages (key, CloudEvents value, headers), built beforehand, sent by a plain producer in batches of the same size. */
async function raw(events: number): Promise<RelayMeasurement> {
  const prefix = `bench${randomBytes(4).toString('hex')}.`;
  const topic = physicalTopic(prefix, TOPICS.events);
  const kafka = benchKafka();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  try {
    await ensureTopics(kafka, { brokers: [], clientId: 'coalition-bench', partitions: 3, topicPrefix: prefix });
    await producer.connect();
    const generator = new EventGenerator();
    const toMessage = (event: StoredEvent): Message => toKafkaMessage(event);
    const batches: Message[][] = [];
    for (let i = 0; i < events; i += RELAY_BATCH) {
      batches.push(Array.from({ length: Math.min(RELAY_BATCH, events - i) }, () => toMessage(generator.next())));
    }
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: batches[0].slice(0, 10) }] });
    const started = now();
    for (const messages of batches) await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    const elapsed = now() - started;
    return { system: 'raw', events, seconds: round(elapsed / 1000, 2), eps: round(perSecond(events, elapsed)) };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await deleteTopicsWithPrefix(prefix);
  }
}

export const measureRelay = (task: RelayTask): Promise<RelayMeasurement> => (task.system === 'ours' ? ours(task.events) : raw(task.events));

export interface RelayResult {
  ours_eps: number;
  kafka_raw_eps: number;
  rounds: RelayMeasurement[];
}

export async function relaySuite(options: { events: number; rounds: number }): Promise<RelayResult> {
  const rounds: RelayMeasurement[] = [];
  for (let i = 0; i < options.rounds; i++) {
    for (const system of ['ours', 'raw'] as const) {
      const m = await runChild<RelayMeasurement>({ kind: 'relay', system, events: options.events });
      log(`relay/${system}: ${m.eps} events/s (${m.events} in ${m.seconds} s)`);
      rounds.push(m);
    }
  }
  const mean = (system: string) => {
    const of = rounds.filter((r) => r.system === system);
    return Math.round(of.reduce((sum, r) => sum + r.eps, 0) / of.length);
  };
  return { ours_eps: mean('ours'), kafka_raw_eps: mean('raw'), rounds };
}
