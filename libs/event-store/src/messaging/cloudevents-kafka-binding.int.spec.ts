import { randomUUID } from 'node:crypto';
import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage } from 'cloudevents';
import { Kafka } from 'kafkajs';
import { cloudEventType, EVENT_CATALOG } from '@coalition/domain';
import { consumeUntil, deleteTestTopics, ReceivedMessage } from '@coalition/platform/testing';
import { testKafkaBrokers, uniqueTopicPrefix } from '../testing';
import { StoredEvent } from '../store/stored-event';
import { toCloudEvent } from './cloud-event';
import { CLOUDEVENTS_STRUCTURED_CONTENT_TYPE, createKafka, ensureTopics, KafkaEventPublisher, KafkaSettings } from './kafka';
import { physicalTopic, topicForStreamType, TOPICS } from './topics';

/** One event of every type the catalog lists, as the event store would hand it to the relay. */
function oneOfEachType(): StoredEvent[] {
  let position = 0;
  return EVENT_CATALOG.flatMap((entry) =>
    entry.eventTypes.map((type): StoredEvent => {
      position += 1;
      const streamId = `${entry.streamType}-${randomUUID()}`;
      return {
        position,
        eventId: randomUUID(),
        streamId,
        streamType: entry.streamType,
        version: 1,
        type,
        schemaVersion: 1,
        // A credential field, to see it stays out of the message as it stays out of every envelope.
        data: { example: type, quantity: 2.5, nested: { list: [1, 'two'] }, passwordHash: 'scrypt$never-published' },
        metadata: {
          actor: { id: 'admin-1', kind: 'user', stateCode: position % 2 ? 'WA' : null, roles: ['admin'] },
          commandId: randomUUID(),
          correlationId: `correlation-${position}`,
          causationId: randomUUID(),
        },
        recordedAt: new Date(Date.UTC(2026, 11, 3, 12, 0, position)).toISOString(),
        prevHash: '0'.repeat(64),
        hash: '1'.repeat(64),
      };
    }),
  );
}

/** What a consumer hands the SDK: kafkajs gives headers as buffers; the binding's are text. */
const asSdkMessage = (message: ReceivedMessage): KafkaMessage<string> =>
  ({ key: message.key ?? undefined, value: message.value ?? '', headers: message.headers, body: message.value ?? '', timestamp: undefined }) as unknown as KafkaMessage<string>;

/**
 * The CloudEvents Kafka protocol binding, structured content mode, checked by the official
 * `cloudevents` SDK's `Kafka.toEvent()` (which validates strictly) on messages read back from
 * a real broker: one of every event type the domain records, on the topic each belongs to.
 */
describe('Kafka messages under the CloudEvents Kafka protocol binding (real Kafka, cloudevents SDK)', () => {
  const prefix = uniqueTopicPrefix();
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'cloudevents-binding', partitions: 3, topicPrefix: prefix };
  const events = oneOfEachType();
  let kafka: Kafka;
  let received: ReceivedMessage[] = [];

  beforeAll(async () => {
    kafka = createKafka(settings);
    await ensureTopics(kafka, settings);
    const publisher = new KafkaEventPublisher(kafka, prefix);
    try {
      await publisher.publish(events.map((event) => ({ topic: topicForStreamType(event.streamType), event })));
    } finally {
      await publisher.disconnect();
    }
    const expected = (topic: string) => events.filter((event) => topicForStreamType(event.streamType) === topic).length;
    for (const topic of [TOPICS.events, TOPICS.legal]) {
      received = received.concat(await consumeUntil(kafka, physicalTopic(prefix, topic), (messages) => messages.length >= expected(topic)));
    }
  }, 90_000);

  afterAll(async () => {
    if (kafka) await deleteTestTopics(kafka, prefix);
  }, 30_000);

  it('publishes one message per event type, on the events and legal topics', () => {
    expect(events.length).toBeGreaterThan(40);
    expect(received.map((message) => JSON.parse(message.value ?? '{}').id).sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(new Set(received.map((message) => message.topic))).toEqual(new Set([physicalTopic(prefix, TOPICS.events), physicalTopic(prefix, TOPICS.legal)]));
  });

  it.each(oneOfEachType().map((event) => [event.type, event.streamType]))('%s (%s): Kafka.toEvent() reads it in structured mode, as the envelope says', (type, streamType) => {
    const event = events.find((candidate) => candidate.type === type && candidate.streamType === streamType);
    const message = received.find((candidate) => candidate.key === event?.streamId);
    if (!event || !message) throw new Error(`no message for ${type}`);
    expect(message.topic).toBe(physicalTopic(prefix, topicForStreamType(streamType)));
    expect(message.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');
    expect(message.headers['content-type']).toBe(CLOUDEVENTS_STRUCTURED_CONTENT_TYPE);
    // No binary-mode attribute headers that could disagree with the envelope.
    expect(Object.keys(message.headers).filter((name) => /^ce[_-]/i.test(name))).toEqual([]);
    expect(message.headers['coalition-position']).toBe(String(event.position));

    const sdk = asSdkMessage(message);
    expect(CloudEventsKafka.isEvent(sdk)).toBe(true);
    const cloudEvent = CloudEventsKafka.toEvent(sdk) as CloudEvent<Record<string, unknown>>;
    expect(cloudEvent).toBeInstanceOf(CloudEvent);
    expect(cloudEvent.validate()).toBe(true);
    expect(cloudEvent.type).toBe(cloudEventType(streamType, type, 1));
    expect(cloudEvent.type).toMatch(/^coalition\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.v1$/);
    const { type: envelopeType, ...envelope } = toCloudEvent(event);
    expect(cloudEvent.type).toBe(envelopeType);
    expect({
      specversion: cloudEvent.specversion,
      id: cloudEvent.id,
      source: cloudEvent.source,
      subject: cloudEvent.subject,
      time: cloudEvent.time,
      datacontenttype: cloudEvent.datacontenttype,
      data: cloudEvent.data,
      position: cloudEvent.position,
      streamversion: cloudEvent.streamversion,
      correlationid: cloudEvent.correlationid,
      actorstate: cloudEvent.actorstate,
      actorid: cloudEvent.actorid,
    }).toEqual(envelope);
    expect(cloudEvent.data).not.toHaveProperty('passwordHash');
    // The binding's key mapping: the message key is the event's partition key, the stream id.
    expect(cloudEvent.partitionkey).toBe(event.streamId);
  });
});
