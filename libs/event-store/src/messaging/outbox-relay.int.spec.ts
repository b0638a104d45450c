import { Kafka } from 'kafkajs';
import { memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database, LoopStatus } from '@coalition/platform';
import { consumeUntil, deleteTestTopics, eventually, LocalKafkaBroker, ReceivedMessage, testAdmin } from '@coalition/platform/testing';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '../testing';
import { CommandExecutor } from '../store/command-executor';
import { EventStore } from '../store/event-store';
import { CloudEvent } from './cloud-event';
import { createKafka, ensureTopics, KafkaEventPublisher, KafkaSettings } from './kafka';
import { EventPublisher } from './event-transport';
import { OutboxRelay } from './outbox-relay';
import { RelayLeadership } from './relay-leadership';
import { physicalTopic, TOPICS } from './topics';

const codes = ['AK', 'BC', 'CD', 'DE', 'EF', 'FG'];

function commandsFor(round: number): { code: string; command: MemberStateCommand }[] {
  return codes.map((code) => ({
    code,
    command:
      round === 0
        ? { type: 'RegisterState', data: { code, name: `State ${code}`, population: 1_000 } }
        : { type: 'ChangePopulation', data: { code, population: 1_000 + round } },
  }));
}

const positionsOf = (messages: readonly ReceivedMessage[]): Set<number> =>
  new Set(messages.map((m) => Number(m.headers['coalition-position'])));

const allPresent = (n: number) => (messages: readonly ReceivedMessage[]) => positionsOf(messages).size >= n;

describe('OutboxRelay with KafkaEventPublisher (real Kafka)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let executor: CommandExecutor;

  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    db = testDb.db;
    store = new EventStore(db);
    executor = new CommandExecutor(store);
  });

  afterEach(async () => {
    await testDb?.drop();
  });

  const execute = async (round: number) => {
    for (const { code, command } of commandsFor(round)) {
      await executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin });
    }
  };

  describe('on the shared broker', () => {
    const prefix = uniqueTopicPrefix();
    const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'outbox-relay-int', partitions: 3, topicPrefix: prefix };
    const topic = physicalTopic(prefix, TOPICS.events);
    let kafka: Kafka;
    let publisher: KafkaEventPublisher;
    let relay: OutboxRelay | undefined;

    beforeAll(() => {
      kafka = createKafka(settings);
    });

    afterEach(async () => {
      await relay?.stop();
      await publisher?.disconnect();
    });

    const routingPrefixes: string[] = [];

    afterAll(async () => {
      for (const each of [prefix, ...routingPrefixes]) await deleteTestTopics(kafka, each);
    });

    it('publishes every event once, as a CloudEvent keyed by stream, in position order per partition, and marks it sent', async () => {
      await ensureTopics(kafka, settings);
      publisher = new KafkaEventPublisher(kafka, prefix);
      const started = (relay = new OutboxRelay(db, publisher, { batchSize: 5, intervalMs: 20 }));
      const unsubscribe = store.onAppended(() => started.nudge());
      started.start();
      for (let round = 0; round < 4; round++) await execute(round);
      unsubscribe();
      const events = await store.readAll(0, 1_000);
      const n = events.length;
      expect(n).toBe(codes.length * 4);

      await eventually(async () => (await started.backlog()) === 0, { timeoutMs: 20_000, what: 'the outbox to drain' });
      const messages = await consumeUntil(kafka, topic, allPresent(n), { timeoutMs: 30_000 });

      // Exactly once in the happy path, and nothing else on the topic.
      expect(messages).toHaveLength(n);
      expect([...positionsOf(messages)].sort((a, b) => a - b)).toEqual(events.map((e) => e.position));

      // Kafka orders per partition only: there, offsets follow positions.
      const byPartition = new Map<number, ReceivedMessage[]>();
      for (const m of messages) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m]);
      for (const inPartition of byPartition.values()) {
        const ordered = [...inPartition].sort((a, b) => a.offset - b.offset);
        const positions = ordered.map((m) => Number(m.headers['coalition-position']));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }

      const outbox = new Map(
        (await db.query<{ position: string; partition: number | null; sent_at: Date | null }>('SELECT position, partition, sent_at FROM outbox')).map(
          (r) => [Number(r.position), r],
        ),
      );
      const partitionOfStream = new Map<string, number>();
      for (const event of events) {
        const message = messages.find((m) => Number(m.headers['coalition-position']) === event.position);
        if (!message) throw new Error(`position ${event.position} was not published`);
        expect(message.key).toBe(event.streamId);
        // One stream, one partition: a stream's events stay in order for every consumer.
        expect(partitionOfStream.get(event.streamId) ?? message.partition).toBe(message.partition);
        partitionOfStream.set(event.streamId, message.partition);

        const cloudEvent = JSON.parse(message.value ?? 'null') as CloudEvent;
        expect(cloudEvent).toEqual({
          specversion: '1.0',
          id: event.eventId,
          source: `urn:coalition:member-state:${event.streamId}`,
          type: event.type === 'StateRegistered' ? 'coalition.member-state.state-registered.v1' : 'coalition.member-state.population-changed.v1',
          subject: event.streamId,
          time: event.recordedAt,
          datacontenttype: 'application/json',
          data: event.data,
          position: event.position,
          streamversion: event.version,
          correlationid: event.metadata.correlationId,
          actorstate: null,
          actorid: testAdmin.id,
        });
        expect(message.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');

        const row = outbox.get(event.position);
        expect(row?.sent_at).toBeInstanceOf(Date);
        expect(row?.partition).toBe(message.partition);
      }
    }, 60_000);

    const append = (streamId: string, streamType: string, types: string[]) =>
      store.append({
        streamId,
        streamType,
        expectedVersion: 0,
        events: types.map((type) => ({ type, data: { streamId } })),
        metadata: { actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] }, commandId: 'c', correlationId: 'c', causationId: 'c' },
        recordedAt: new Date(),
      });

    it('sends legal-action events to the legal topic and every other event to the events topic, and records the topic it chose', async () => {
      // Topics of their own, so the test above still finds nothing but its events on its topic.
      const routing = uniqueTopicPrefix();
      routingPrefixes.push(routing);
      await ensureTopics(kafka, { ...settings, topicPrefix: routing });
      const member = await append('member-state-AK', 'member-state', ['StateRegistered']);
      const legal = await append('legal-action-1', 'legal-action', ['LegalActionOpened', 'StateSignedOn']);
      const proposal = await append('proposal-1', 'proposal', ['ProposalOpened']);
      publisher = new KafkaEventPublisher(kafka, routing);
      const started = (relay = new OutboxRelay(db, publisher, { batchSize: 10, intervalMs: 20 }));
      started.start();
      await eventually(async () => (await started.backlog()) === 0, { timeoutMs: 20_000, what: 'the outbox to drain' });

      const general = [...member.events, ...proposal.events].map((e) => e.position);
      const privileged = legal.events.map((e) => e.position);
      const onEvents = await consumeUntil(kafka, physicalTopic(routing, TOPICS.events), allPresent(general.length), { timeoutMs: 30_000 });
      const onLegal = await consumeUntil(kafka, physicalTopic(routing, TOPICS.legal), allPresent(privileged.length), { timeoutMs: 30_000 });
      expect([...positionsOf(onEvents)].sort((a, b) => a - b)).toEqual(general);
      expect([...positionsOf(onLegal)].sort((a, b) => a - b)).toEqual(privileged);

      const rows = await db.query<{ position: string; topic: string | null }>('SELECT position, topic FROM outbox ORDER BY position');
      const expected = new Map([...general.map((p) => [p, TOPICS.events] as const), ...privileged.map((p) => [p, TOPICS.legal] as const)]);
      expect(rows.map((r) => [Number(r.position), r.topic])).toEqual([...expected.entries()].sort(([a], [b]) => a - b));
    }, 60_000);
  });

  describe('through a Kafka outage (a broker of its own)', () => {
    const broker = new LocalKafkaBroker(Number(process.env.KAFKA_OUTAGE_PORT || 39092));
    const prefix = uniqueTopicPrefix();
    const settings: KafkaSettings = { brokers: broker.brokers, clientId: 'outbox-relay-outage', partitions: 3, topicPrefix: prefix };
    const topic = physicalTopic(prefix, TOPICS.events);
    let kafka: Kafka | undefined;
    let publisher: KafkaEventPublisher | undefined;
    let relay: OutboxRelay | undefined;
    const failures: unknown[] = [];

    afterEach(async () => {
      await relay?.stop().catch(() => undefined);
      await publisher?.disconnect().catch(() => undefined);
    }, 60_000);

    afterAll(async () => {
      if (kafka) await deleteTestTopics(kafka, prefix);
      await broker.down(); // whatever happened above, never leave this broker running
    }, 90_000);

    it('keeps accepting commands while Kafka is down and publishes every event once it is back', async () => {
      await broker.up();
      kafka = createKafka(settings);
      await ensureTopics(kafka, settings);
      publisher = new KafkaEventPublisher(kafka, prefix);
      const started = (relay = new OutboxRelay(db, publisher, { batchSize: 5, intervalMs: 20 }, { failed: (e) => failures.push(e) }));
      store.onAppended(() => started.nudge());
      relay.start();

      await execute(0);
      await eventually(async () => (await started.backlog()) === 0, { timeoutMs: 20_000, what: 'the first events to be published' });
      expect(failures).toHaveLength(0);

      await broker.down();
      for (let round = 1; round <= 3; round++) {
        const t0 = Date.now();
        await execute(round); // must neither fail nor wait for Kafka
        expect(Date.now() - t0).toBeLessThan(5_000);
      }
      const n = codes.length * 4;
      expect((await store.head()).position).toBe(n);
      // The relay tried, failed, and kept the events.
      await eventually(() => failures.length > 0, { timeoutMs: 30_000, what: 'the relay to notice the outage' });
      expect(await started.backlog()).toBe(codes.length * 3);

      await broker.up();
      await eventually(async () => (await started.backlog()) === 0, { timeoutMs: 60_000, intervalMs: 200, what: 'the outbox to drain after the outage' });

      // At least once: duplicates are allowed, a missing position is not.
      const messages = await consumeUntil(kafka, topic, allPresent(n), { timeoutMs: 30_000 });
      expect([...positionsOf(messages)].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      const unsentOrUnpartitioned = await db.query('SELECT position FROM outbox WHERE sent_at IS NULL OR partition IS NULL');
      expect(unsentOrUnpartitioned).toEqual([]);
    }, 150_000);
  });
});

describe('OutboxRelay position cursor (PostgreSQL)', () => {
  it('drains a backlog of several batches in order, and finds new rows after another relay has published past it', async () => {
    const testDb = await createTestDatabase({ poolSize: 4 });
    try {
      const store = new EventStore(testDb.db);
      const append = (n: number) =>
        store.append({
          streamId: 'cursor-stream',
          streamType: 'member-state',
          expectedVersion: 'any',
          events: Array.from({ length: n }, () => ({ type: 'Tick', data: {} })),
          metadata: { actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] }, commandId: 'c', correlationId: 'c', causationId: 'c' },
          recordedAt: new Date(),
        });
      const recording = (sink: number[]): EventPublisher => ({
        publish: async (batch) => {
          sink.push(...batch.map((b) => b.event.position));
          return batch.map(() => 0);
        },
      });
      const byA: number[] = [];
      const byB: number[] = [];
      const a = new OutboxRelay(testDb.db, recording(byA), { batchSize: 5, intervalMs: 50 });
      const b = new OutboxRelay(testDb.db, recording(byB), { batchSize: 5, intervalMs: 50 });
      const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

      await append(12);
      while ((await a.drainOnce()) > 0);
      await append(12);
      while ((await b.drainOnce()) > 0);
      await append(3);
      while ((await a.drainOnce()) > 0);

      expect(byA).toEqual([...range(1, 12), ...range(25, 27)]);
      expect(byB).toEqual(range(13, 24));
      expect(await a.backlog()).toBe(0);
    } finally {
      await testDb.drop();
    }
  });
});

describe('OutboxRelay leadership (PostgreSQL)', () => {
  it('lets one relay of several publish, and another take over at once when the leader stops', async () => {
    const testDb = await createTestDatabase({ poolSize: 6 });
    const published: number[] = [];
    const recording: EventPublisher = {
      publish: async (batch) => {
        published.push(...batch.map((b) => b.event.position));
        return batch.map(() => 0);
      },
    };
    const session = testDb.db.sessionConfig();
    if (!session) throw new Error('a server database has session settings');
    const relays = [1, 2, 3].map(() => new OutboxRelay(testDb.db, recording, { batchSize: 20, intervalMs: 20 }, {}, new LoopStatus('relay'), new RelayLeadership(session)));
    const store = new EventStore(testDb.db);
    const append = (n: number) =>
      store.append({
        streamId: 'leader-stream',
        streamType: 'member-state',
        expectedVersion: 'any',
        events: Array.from({ length: n }, () => ({ type: 'Tick', data: {} })),
        metadata: { actor: { id: testAdmin.id, kind: testAdmin.kind, stateCode: null, roles: [...testAdmin.roles] }, commandId: 'c', correlationId: 'c', causationId: 'c' },
        recordedAt: new Date(),
      });
    try {
      for (const relay of relays) relay.start();
      for (let i = 0; i < 10; i++) await append(10);
      await eventually(async () => (await relays[0].backlog()) === 0, { timeoutMs: 10_000, what: 'the outbox to drain' });
      // The leader stops (as a killed worker's connection closes); another relay takes over.
      const leader = relays.find((relay) => relay.isLeader);
      expect(relays.filter((relay) => relay.isLeader)).toHaveLength(1);
      expect(leader).toBeDefined();
      await leader?.stop();
      for (let i = 0; i < 5; i++) await append(10);
      await eventually(async () => (await relays[0].backlog()) === 0, { timeoutMs: 10_000, what: 'the outbox to drain after the leader stopped' });
      expect([...published].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
      await testDb.drop();
    }
  }, 60_000);
});
