import { randomBytes } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';

export interface TopicPositions {
  /** How often each event position appears on the topics. */
  counts: Map<number, number>;
}

/**
 * Reads the topics from their beginning to their current end (the high watermark of every
 * partition when the read starts) with a consumer group of its own, and counts each event
 * position. Read after the outbox has drained, it shows whether every event reached Kafka and
 * how many were published more than once (the relay is at least once: a crash between publish
 * and mark re-sends a batch).
 */
export async function readTopicPositions(kafka: Kafka, topics: string[], timeoutMs = 60_000): Promise<TopicPositions> {
  const ends = await highWatermarks(kafka, topics);
  const remaining = new Set([...ends].filter(([, end]) => end > 0).map(([key]) => key));
  const counts = new Map<number, number>();
  if (remaining.size === 0) return { counts };
  const consumer = kafka.consumer({ groupId: `check-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`reading ${topics.join(', ')} timed out; ${remaining.size} partitions unread`)), timeoutMs);
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      const read = async () => {
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            const position = positionOf(message);
            if (Number.isSafeInteger(position)) counts.set(position, (counts.get(position) ?? 0) + 1);
            const key = `${topic}:${partition}`;
            if (Number(message.offset) + 1 >= (ends.get(key) ?? 0)) remaining.delete(key);
            if (remaining.size === 0) resolve();
          },
        });
      };
      read().catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
  return { counts };
}

async function highWatermarks(kafka: Kafka, topics: string[]): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${partition}`, Number(high));
    }
    return ends;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The event position a message carries: our header, a CloudEvents binary-mode attribute, or the structured body. */
function positionOf(message: KafkaMessage): number {
  for (const name of ['coalition-position', 'ce_position']) {
    const header = message.headers?.[name]?.toString();
    if (header !== undefined) return Number(header);
  }
  try {
    return Number(JSON.parse(message.value?.toString() ?? '{}').position);
  } catch {
    return Number.NaN;
  }
}
