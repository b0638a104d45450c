import { Kafka } from 'kafkajs';
import { SYSTEM_ACTOR } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { consumeUntil, deleteTestTopics } from '@coalition/platform/testing';
import {
  createKafka,
  ensureTopics,
  EventStore,
  KafkaJsonPublisher,
  KafkaSettings,
  metadataActor,
  physicalTopic,
  StoredEvent,
  TOPICS,
} from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { DeadLetterQueue } from '@coalition/read-side';
import { reactToEach } from './reliable-handling';

/**
 * A process manager that keeps failing on an event parks it where an operator looks for dead
 * letters: the dead_letters table and the worker's DLQ topic, the same as a projection.
 */
describe('dead letters of a process manager (PostgreSQL + Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'dead-letters-int', partitions: 1, topicPrefix: prefix };
  let testDb: TestDatabase;
  let db: Database;
  let kafka: Kafka;
  let deadLetters: DeadLetterQueue;
  let events: StoredEvent[];

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 2 });
    db = testDb.db;
    kafka = createKafka(settings);
    await ensureTopics(kafka, settings);
    deadLetters = new DeadLetterQueue(db, new KafkaJsonPublisher(kafka, prefix));
    const appended = await new EventStore(db).append({
      streamId: 'user-parked',
      streamType: 'user',
      expectedVersion: 0,
      recordedAt: new Date(),
      metadata: { actor: metadataActor(SYSTEM_ACTOR), commandId: 'c', correlationId: 'c', causationId: 'c' },
      events: [
        { type: 'UserRegistered', data: { userId: 'parked', username: 'parked', displayName: 'P', roles: ['auditor'], stateCode: null, passwordHash: 'scrypt$never-outward' } },
        { type: 'UserDeactivated', data: { userId: 'parked' } },
      ],
    });
    events = appended.events;
  }, 60_000);

  afterAll(async () => {
    await deadLetters?.close();
    await deleteTestTopics(kafka, prefix);
    await testDb?.drop();
  }, 30_000);

  it('parks the failing event in the table and on the DLQ topic, without its secrets, and goes on with the next', async () => {
    const handled: number[] = [];
    await reactToEach(
      'process-manager:always-fails-on-registration',
      TOPICS.events,
      0,
      events,
      async (event) => {
        if (event.type === 'UserRegistered') throw new Error('cannot react to this');
        handled.push(event.position);
      },
      deadLetters,
      2,
    );

    expect(handled).toEqual([events[1].position]);
    const rows = await db.query<{ consumer: string; position: string; error: string }>('SELECT consumer, position, error FROM dead_letters');
    expect(rows).toEqual([{ consumer: 'process-manager:always-fails-on-registration', position: String(events[0].position), error: 'Error: cannot react to this' }]);

    const [message] = await consumeUntil(kafka, physicalTopic(prefix, TOPICS.dlq), (received) => received.length > 0);
    expect(message.key).toBe('user-parked');
    expect(message.headers['x-error']).toBe('Error: cannot react to this');
    const letter = JSON.parse(message.value ?? '{}');
    expect(letter).toMatchObject({ consumer: 'process-manager:always-fails-on-registration', topic: TOPICS.events, partition: 0, error: 'Error: cannot react to this' });
    expect(letter.event).toMatchObject({ id: events[0].eventId, position: events[0].position, data: { username: 'parked' } });
    expect(message.value).not.toContain('scrypt$');
  }, 60_000);
});
