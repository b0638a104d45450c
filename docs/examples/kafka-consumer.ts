/**
 * A Kafka consumer of Coalition's events with the CloudEvents SDK (docs/integration.md). The
 * topics follow the CloudEvents Kafka protocol binding in structured mode, so `Kafka.toEvent()`
 * takes each message as it comes. Run by apps/e2e/src/integration-examples.e2e.spec.ts against a
 * real broker.
 */
import { CloudEvent, Kafka as CloudEvents, KafkaMessage as CloudEventsMessage } from 'cloudevents';
import { Kafka, KafkaMessage } from 'kafkajs';

export interface CoalitionConsumer {
  stop(): Promise<void>;
}

/** Text headers, as the SDK's binding expects them (kafkajs hands buffers). */
const textHeaders = (message: KafkaMessage): Record<string, string> =>
  Object.fromEntries(Object.entries(message.headers ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, value.toString()]])));

export async function consumeCoalitionEvents(options: {
  brokers: string[];
  /** The deployment's KAFKA_TOPIC_PREFIX. */
  topicPrefix: string;
  groupId: string;
  onEvent: (event: CloudEvent<Record<string, unknown>>) => Promise<void> | void;
}): Promise<CoalitionConsumer> {
  const kafka = new Kafka({ clientId: options.groupId, brokers: options.brokers });
  const consumer = kafka.consumer({ groupId: options.groupId });
  const seen = new Set<string>(); // delivery is at least once: deduplicate on the event id (keep this durable in production)
  await consumer.connect();
  await consumer.subscribe({ topics: [`${options.topicPrefix}coalition.events.v1`], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const value = message.value?.toString() ?? '';
      const incoming: CloudEventsMessage<string> = { key: message.key?.toString() ?? '', value, body: value, headers: textHeaders(message), timestamp: message.timestamp };
      // One message is one event (structured mode); toEvent validates it strictly.
      const event = CloudEvents.toEvent(incoming) as CloudEvent<Record<string, unknown>>;
      if (seen.has(event.id)) return;
      seen.add(event.id);
      await options.onEvent(event);
    },
  });
  return { stop: () => consumer.disconnect() };
}
