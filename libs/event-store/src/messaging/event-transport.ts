import { StoredEvent } from '../store/stored-event';
import { EventTopic } from './topics';

export interface OutgoingEvent {
  topic: EventTopic;
  event: StoredEvent;
}

/** Where the outbox relay hands events: Kafka in production, the in-process bus when embedded. */
export interface EventPublisher {
  /** Publishes in the given order and answers the partition each event went to. */
  publish(batch: readonly OutgoingEvent[]): Promise<number[]>;
}

/** A consumer of the event topics: projections, process managers, webhook delivery. */
export interface EventSink {
  readonly name: string;
  handle(topic: EventTopic, partition: number, events: readonly StoredEvent[]): Promise<void>;
}
