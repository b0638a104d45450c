import { Logger } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { EventTopic, KafkaJsonPublisher, StoredEvent, toCloudEvent, TOPICS } from '@coalition/event-store';

export interface DeadLetter {
  consumer: string;
  topic: EventTopic;
  partition: number;
  event: StoredEvent;
  error: unknown;
}

/**
 * A message a handler still cannot process after its retries is parked here so the rest of
 * the stream keeps flowing: a row in `dead_letters` always, and the DLQ topic when Kafka is
 * configured. One per worker, shared by the projections and the process managers.
 */
export class DeadLetterQueue {
  private readonly logger = new Logger(DeadLetterQueue.name);

  constructor(
    private readonly db: Database,
    private readonly kafka?: KafkaJsonPublisher,
  ) {}

  async park({ consumer, topic, partition, event, error }: DeadLetter): Promise<void> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error(`dead-lettered position ${event.position} (${event.type}) in ${consumer}: ${message}`);
    const envelope = toCloudEvent(event);
    await this.db.query(
      `INSERT INTO dead_letters (consumer, topic, partition, position, event_id, error, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [consumer, topic, partition, event.position, event.eventId, message, JSON.stringify(envelope)],
    );
    await this.kafka
      ?.send(TOPICS.dlq, event.streamId, { consumer, topic, partition, error: message, event: envelope }, { 'x-error': message.slice(0, 500) })
      .catch((kafkaError) => this.logger.warn(`could not publish to the DLQ topic: ${(kafkaError as Error).message}`));
  }

  /** Disconnects from Kafka; the worker calls it once its consumers have stopped. */
  async close(): Promise<void> {
    await this.kafka?.disconnect();
  }
}
