import { StoredEvent } from '../store/stored-event';
import { EventPublisher, EventSink, OutgoingEvent } from './event-transport';

/**
 * The embedded default's transport: the relay's batches go straight to the worker's sinks in
 * the same process, as one partition per topic. Only `npm start` without servers uses it;
 * every integration test runs against a real Kafka broker.
 */
export class InProcessBus implements EventPublisher {
  private readonly sinks: EventSink[] = [];

  subscribe(sink: EventSink): void {
    this.sinks.push(sink);
  }

  async publish(batch: readonly OutgoingEvent[]): Promise<number[]> {
    const byTopic = new Map<OutgoingEvent['topic'], StoredEvent[]>();
    for (const { topic, event } of batch) byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    for (const [topic, events] of byTopic) {
      for (const sink of this.sinks) await sink.handle(topic, 0, events);
    }
    return batch.map(() => 0);
  }
}
