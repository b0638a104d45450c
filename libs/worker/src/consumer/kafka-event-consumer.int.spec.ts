import { Kafka } from 'kafkajs';
import { memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database, DatabaseUnavailableError, LoopStatus } from '@coalition/platform';
import { deleteTestTopics, eventually, testAdmin } from '@coalition/platform/testing';
import {
  CommandExecutor,
  createKafka,
  ensureTopics,
  EventSink,
  EventStore,
  EventTopic,
  KafkaEventPublisher,
  KafkaSettings,
  OutboxRelay,
  StoredEvent,
} from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { ALL_PROJECTIONS, CheckpointWaiter, DeadLetterQueue, MemberStatesRepository, ProjectionRunner } from '@coalition/read-side';
import { KafkaEventConsumer } from './kafka-event-consumer';

/**
 * The production read path end to end: command -> event store -> outbox relay -> Kafka ->
 * consumer group -> projections, with the api's read-your-writes wait on top.
 */
describe('Events through Kafka to the read models (real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'consumer-int', partitions: 3, topicPrefix: prefix };
  let testDb: TestDatabase;
  let db: Database;
  let kafka: Kafka;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let consumer: KafkaEventConsumer;
  let executor: CommandExecutor;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    db = testDb.db;
    const store = new EventStore(db);
    executor = new CommandExecutor(store);
    kafka = createKafka(settings);
    await ensureTopics(kafka, settings);
    publisher = new KafkaEventPublisher(kafka, prefix);
    relay = new OutboxRelay(db, publisher, { batchSize: 50, intervalMs: 20 });
    store.onAppended(() => relay.nudge());
    relay.start();
    const runner = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    consumer = new KafkaEventConsumer(kafka, db, prefix, `${prefix}coalition-worker`, [runner]);
    await consumer.start();
  }, 30_000);

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await publisher?.disconnect();
    await deleteTestTopics(kafka, prefix);
    await testDb?.drop();
  }, 30_000);

  const run = (code: string, command: MemberStateCommand) =>
    executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin });

  it('makes a command visible in the read model once CheckpointWaiter says its position is reached', async () => {
    const waiter = new CheckpointWaiter(db, ALL_PROJECTIONS);
    const repository = new MemberStatesRepository(db);
    const codes = ['KA', 'KB', 'KC', 'KD', 'KE', 'KF'];
    let last = 0;
    for (const code of codes) last = (await run(code, { type: 'RegisterState', data: { code, name: `State ${code}`, population: 10 } })).position;
    expect(await waiter.waitFor(last, 20_000)).toBe(true);
    expect((await repository.list()).map((s) => s.code)).toEqual(codes);

    // Read-your-writes: whatever partition each change went to, the wait covers it.
    for (const [i, code] of codes.entries()) {
      const { position } = await run(code, { type: 'ChangePopulation', data: { code, population: 100 + i } });
      expect(await waiter.waitFor(position, 10_000)).toBe(true);
      expect((await repository.list()).find((s) => s.code === code)?.population).toBe(100 + i);
    }
    const partitions = await db.query<{ partition: number }>('SELECT DISTINCT partition FROM outbox ORDER BY partition');
    expect(partitions.length).toBeGreaterThan(1); // the streams really spread over partitions
  }, 60_000);

  it('retries a batch whose handling fails, in place, until it goes through: nothing skipped, nothing applied twice', async () => {
    // A sink that cannot reach the database for its first three batches, then can.
    let refusals = 3;
    const seen: number[] = [];
    const flaky: EventSink = {
      name: 'flaky',
      async handle(_topic: EventTopic, _partition: number, events: readonly StoredEvent[]) {
        if (refusals > 0) {
          refusals -= 1;
          throw new DatabaseUnavailableError(new Error('Connection terminated unexpectedly'));
        }
        seen.push(...events.map((e) => e.position));
      },
    };
    const status = new LoopStatus('consumer');
    const second = new KafkaEventConsumer(kafka, db, prefix, `${prefix}flaky`, [flaky], { status, backoff: { initialMs: 100, maxMs: 400 } });
    await second.start();
    try {
      const codes = ['FA', 'FB', 'FC'];
      let last = 0;
      for (const code of codes) last = (await run(code, { type: 'RegisterState', data: { code, name: `State ${code}`, population: 1 } })).position;
      await eventually(() => refusals === 0 && status.report().consecutiveFailures > 0, { timeoutMs: 20_000, what: 'the sink to refuse' });
      const all = Array.from({ length: last }, (_, i) => i + 1);
      await eventually(() => all.every((p) => seen.includes(p)) && status.report().state === 'running', { timeoutMs: 20_000, what: 'the batches to go through' });
      // Every event up to the last, each once (this group reads the topic from its beginning).
      expect([...seen].sort((a, b) => a - b)).toEqual(all);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
