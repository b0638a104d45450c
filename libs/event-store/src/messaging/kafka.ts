import { Admin, Kafka, logLevel, Message, Partitioners, PartitionMetadata, Producer } from 'kafkajs';
import { StoredEvent } from '../store/stored-event';
import { toCloudEvent } from './cloud-event';
import { EventPublisher, OutgoingEvent } from './event-transport';
import { LogicalTopic, physicalTopic, TOPICS } from './topics';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  partitions: number;
  topicPrefix: string;
  /** Connecting to a broker (default 3 s). */
  connectionTimeoutMs?: number;
  /** Any one request to a broker (default 10 s). */
  requestTimeoutMs?: number;
  /** How long the consumer group waits for a silent member (default 30 s). */
  sessionTimeoutMs?: number;
}

/**
 * Connects on first use and shares that attempt; a failed attempt is forgotten so the next
 * call tries again (the relay keeps calling while the broker is down).
 */
class LazyConnection {
  private attempt?: Promise<void>;

  constructor(private readonly connect: () => Promise<unknown>) {}

  ensure(): Promise<void> {
    this.attempt ??= this.connect().then(
      () => undefined,
      (error: unknown) => {
        this.attempt = undefined;
        throw error;
      },
    );
    return this.attempt;
  }

  /** Runs `disconnect` only if a connection was attempted. */
  async close(disconnect: () => Promise<unknown>): Promise<void> {
    if (!this.attempt) return;
    this.attempt = undefined;
    await disconnect();
  }
}

/**
 * Every request to Kafka is bounded: connecting, each request, and a few quick retries. Our
 * own loops (the relay's back-off, the consumer's restarts) do the longer waiting, and log it,
 * so kafkajs's own logging stays off: it would print a line per failed connection attempt.
 */
export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: settings.connectionTimeoutMs ?? 3_000,
    requestTimeout: settings.requestTimeoutMs ?? 10_000,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
}

export async function ensureTopics(kafka: Kafka, settings: KafkaSettings): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = Object.values(TOPICS)
      .map((topic) => physicalTopic(settings.topicPrefix, topic))
      .filter((topic) => !existing.has(topic));
    if (wanted.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: wanted.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** The Kafka binding's structured content mode: the value is the whole event in the JSON event format. */
export const CLOUDEVENTS_STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * One event as a Kafka message under the CloudEvents Kafka protocol binding, structured content
 * mode (§3.3): the value is the CloudEvent envelope, the same JSON `GET /events` and webhooks
 * carry, and `content-type` says so. Binary mode would put `data` alone in the value and the
 * attributes in `ce_` headers, so the one envelope every channel shares would differ on Kafka;
 * structured mode keeps it, and consumers that parse the value as before keep working. The key
 * is the stream id (the binding's key mapping: a CloudEvents SDK reads it as `partitionkey`).
 * `coalition-position` repeats the envelope's `position` so a consumer can skip what it has
 * processed without parsing the value.
 */
export function toKafkaMessage(event: StoredEvent): Message & { key: string; value: string } {
  return {
    key: event.streamId,
    value: JSON.stringify(toCloudEvent(event)),
    headers: { 'content-type': CLOUDEVENTS_STRUCTURED_CONTENT_TYPE, 'coalition-position': String(event.position) },
  };
}

/**
 * Publishes to Kafka with the stream id as key. We choose each message's partition ourselves
 * with kafkajs's default (Java-compatible murmur2) partitioner so the relay can record it:
 * the api's read-your-writes wait compares positions per partition.
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private readonly partitionCache = new Map<string, PartitionMetadata[]>();
  private readonly connection = new LazyConnection(() => Promise.all([this.producer.connect(), this.admin.connect()]));

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.admin = kafka.admin();
  }

  async publish(batch: readonly OutgoingEvent[]): Promise<number[]> {
    await this.connection.ensure();
    const partitions: number[] = [];
    const topicMessages = new Map<string, Message[]>();
    for (const { topic, event } of batch) {
      const name = physicalTopic(this.topicPrefix, topic);
      const message: Message = toKafkaMessage(event);
      const partition = this.partitioner({ topic: name, partitionMetadata: await this.partitionsOf(name), message });
      partitions.push(partition);
      const messages = topicMessages.get(name) ?? [];
      messages.push({ ...message, partition });
      topicMessages.set(name, messages);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...topicMessages].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      this.partitionCache.clear();
      throw error;
    }
    return partitions;
  }

  async disconnect(): Promise<void> {
    await this.connection.close(() => Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]));
  }

  private async partitionsOf(topic: string): Promise<PartitionMetadata[]> {
    let cached = this.partitionCache.get(topic);
    if (!cached) {
      const metadata = await this.admin.fetchTopicMetadata({ topics: [topic] });
      cached = metadata.topics[0].partitions;
      this.partitionCache.set(topic, cached);
    }
    return cached;
  }
}

/** Sends raw JSON to a non-event topic (dead letters, audit checkpoints). */
export class KafkaJsonPublisher {
  private readonly producer: Producer;
  private readonly connection: LazyConnection;

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    this.connection = new LazyConnection(() => this.producer.connect());
  }

  async send(topic: LogicalTopic, key: string, value: unknown, headers: Record<string, string> = {}): Promise<void> {
    await this.connection.ensure();
    await this.producer.send({
      topic: physicalTopic(this.topicPrefix, topic),
      messages: [{ key, value: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } }],
    });
  }

  async disconnect(): Promise<void> {
    await this.connection.close(() => this.producer.disconnect().catch(() => undefined));
  }
}
