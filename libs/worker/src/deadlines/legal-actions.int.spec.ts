import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import {
  Actor,
  LegalActionCommand,
  legalActionDecider,
  legalActionStreamId,
  memberStateDecider,
  memberStateStreamId,
} from '@coalition/domain';
import { Database } from '@coalition/platform';
import { consumeUntil, deleteTestTopics, eventually, sleep, testAdmin } from '@coalition/platform/testing';
import {
  CloudEvent,
  CommandExecutor,
  createKafka,
  ensureTopics,
  EventStore,
  InProcessBus,
  KafkaEventPublisher,
  KafkaSettings,
  OutboxRelay,
  physicalTopic,
  TOPICS,
} from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { ALL_PROJECTIONS, CheckpointWaiter, DeadLetterQueue, LEGAL_SIGN_ON_DEADLINE, LegalActionsRepository, ProjectionRunner, rebuildProjections } from '@coalition/read-side';
import { KafkaEventConsumer } from '../consumer/kafka-event-consumer';
import { DeadlineScheduler } from './deadline-scheduler';
import { closeSignOn } from './legal-sign-on.deadline';

const counselOf = (stateCode: string): Actor => ({ id: `counsel-${stateCode}`, kind: 'user', stateCode, roles: ['counsel'] });
const CA = counselOf('CA');
const NY = counselOf('NY');

const openCommand = (legalActionId: string, signOnDeadline: Date): LegalActionCommand => ({
  type: 'OpenLegalAction',
  data: {
    legalActionId,
    kind: 'amicus-brief',
    title: 'Brief of the States as amici curiae',
    summary: 'Supporting the respondents',
    forum: 'Supreme Court of the United States',
    signOnDeadline: signOnDeadline.toISOString(),
    compactId: null,
  },
});


/** Messages ever written to a topic: the sum of its partitions' high watermarks. */
async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('Legal actions on the privileged topic (real Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'legal-int', partitions: 3, topicPrefix: prefix };
  let testDb: TestDatabase;
  let db: Database;
  let kafka: Kafka;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let consumer: KafkaEventConsumer;
  let executor: CommandExecutor;
  let waiter: CheckpointWaiter;
  let repository: LegalActionsRepository;
  let scheduler: DeadlineScheduler;

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
    consumer = new KafkaEventConsumer(kafka, db, prefix, `${prefix}coalition-worker`, [new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db))]);
    await consumer.start();
    waiter = new CheckpointWaiter(db, ALL_PROJECTIONS);
    repository = new LegalActionsRepository(db);
    scheduler = new DeadlineScheduler(db, 100);
    scheduler.register(LEGAL_SIGN_ON_DEADLINE, (deadline) => closeSignOn(executor, deadline));
    scheduler.start();
  }, 30_000);

  afterAll(async () => {
    await scheduler?.stop();
    await relay?.stop();
    await consumer?.stop();
    await publisher?.disconnect();
    if (kafka) await deleteTestTopics(kafka, prefix);
    await testDb?.drop();
  }, 30_000);

  const run = (legalActionId: string, command: LegalActionCommand, actor: Actor) =>
    executor.execute(legalActionDecider, { streamId: legalActionStreamId(legalActionId), command, actor });

  it('publishes legal-action events to the legal topic only, and the projection applies them from there', async () => {
    const id = randomUUID();
    const state = await executor.execute(memberStateDecider, {
      streamId: memberStateStreamId('CA'),
      command: { type: 'RegisterState', data: { code: 'CA', name: 'California', population: 39_000_000 } },
      actor: testAdmin,
    });
    await run(id, openCommand(id, new Date(Date.now() + 86_400_000)), CA);
    const { position } = await run(id, { type: 'SignLegalAction', data: { legalActionId: id } }, NY);

    expect(await waiter.waitFor(position, 20_000)).toBe(true);
    expect(await repository.get(id)).toMatchObject({
      id,
      kind: 'amicus-brief',
      leadState: 'CA',
      status: 'open',
      signatories: [expect.objectContaining({ stateCode: 'CA', signedBy: CA.id }), expect.objectContaining({ stateCode: 'NY', signedBy: NY.id })],
      version: 3,
    });
    const checkpoints = await db.query<{ topic: string }>(`SELECT DISTINCT topic FROM projection_checkpoints WHERE projection = 'legal-actions'`);
    expect(checkpoints).toEqual([{ topic: TOPICS.legal }]);

    // On Kafka: the three legal events on <prefix>coalition.legal.v1, the state alone on the events topic.
    const legalTopic = physicalTopic(prefix, TOPICS.legal);
    const eventsTopic = physicalTopic(prefix, TOPICS.events);
    const legal = await consumeUntil(kafka, legalTopic, (messages) => messages.length >= 3);
    const envelopes = legal.map((m) => JSON.parse(m.value ?? 'null') as CloudEvent);
    expect(envelopes.map((e) => e.type).sort()).toEqual([
      'coalition.legal-action.legal-action-opened.v1',
      'coalition.legal-action.legal-action-signed.v1',
      'coalition.legal-action.legal-action-signed.v1',
    ]);
    expect(new Set(legal.map((m) => m.key))).toEqual(new Set([legalActionStreamId(id)]));
    const onEvents = await consumeUntil(kafka, eventsTopic, (messages) => messages.length >= 1);
    expect(onEvents.map((m) => Number(m.headers['coalition-position']))).toEqual([state.position]);
    expect(await messageCount(kafka, eventsTopic)).toBe(1);
    expect(await messageCount(kafka, legalTopic)).toBe(3);
  }, 60_000);

  it('locks the sign-on list at the deadline; a later withdrawal leaves that list as it was', async () => {
    const id = randomUUID();
    const deadline = new Date(Date.now() + 2_000);
    await run(id, openCommand(id, deadline), CA);
    await run(id, { type: 'SignLegalAction', data: { legalActionId: id } }, NY);
    await sleep(Math.max(0, deadline.getTime() - Date.now()));

    const locked = await eventually(async () => (await repository.get(id))?.signatoriesAtDeadline, { timeoutMs: 15_000, what: 'the sign-on list to be locked' });
    expect(locked.map((s) => s.stateCode)).toEqual(['CA', 'NY']);
    const [event] = (await db.query<{ type: string; metadata: { actor: { kind: string } } }>(
      `SELECT e.type, e.metadata FROM events e JOIN outbox o USING (position) WHERE e.stream_id = $1 AND o.topic = $2 AND e.type = 'SignOnClosed'`,
      [legalActionStreamId(id), TOPICS.legal],
    ));
    expect(event.metadata.actor.kind).toBe('system');

    const { position } = await run(id, { type: 'WithdrawSignature', data: { legalActionId: id, stateCode: 'NY' } }, NY);
    expect(await waiter.waitFor(position, 20_000)).toBe(true);
    const after = await repository.get(id);
    expect(after?.signatories.map((s) => s.stateCode)).toEqual(['CA']);
    expect(after?.signatoriesAtDeadline?.map((s) => s.stateCode)).toEqual(['CA', 'NY']);

    // Firing the deadline again (a worker that died before marking it) records nothing new.
    await closeSignOn(executor, { id: `${LEGAL_SIGN_ON_DEADLINE}:${id}`, kind: LEGAL_SIGN_ON_DEADLINE, dueAt: deadline, payload: { legalActionId: id } });
    const closings = await db.query(`SELECT 1 FROM events WHERE stream_id = $1 AND type = 'SignOnClosed'`, [legalActionStreamId(id)]);
    expect(closings).toHaveLength(1);
  }, 60_000);
});

describe('Legal actions over the in-process bus (embedded default)', () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
  });

  afterEach(async () => {
    await testDb?.drop();
  });

  it('reaches the legal-actions projection through the bus, and a rebuild reproduces it', async () => {
    const executor = new CommandExecutor(new EventStore(db));
    const bus = new InProcessBus();
    bus.subscribe(new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db)));
    const relay = new OutboxRelay(db, bus, { batchSize: 100, intervalMs: 20 });
    const repository = new LegalActionsRepository(db);
    const id = randomUUID();
    const stream = legalActionStreamId(id);
    await executor.execute(legalActionDecider, { streamId: stream, command: openCommand(id, new Date(Date.now() + 86_400_000)), actor: CA });
    await executor.execute(legalActionDecider, {
      streamId: stream,
      command: { type: 'FileLegalAction', data: { legalActionId: id, filedOn: '2026-01-15', docketNumber: '24-123', documentSha256: 'c'.repeat(64), documentUri: null } },
      actor: CA,
    });
    const { position } = await executor.execute(legalActionDecider, {
      streamId: stream,
      command: {
        type: 'RecordDevelopment',
        data: { legalActionId: id, developmentId: randomUUID(), kind: 'ruling', occurredOn: '2026-02-03', summary: 'Certiorari granted', documentSha256: null },
      },
      actor: CA,
    });
    while ((await relay.drainOnce()) > 0);

    expect(await new CheckpointWaiter(db, ALL_PROJECTIONS).reached(position)).toBe(true);
    const live = await repository.get(id);
    expect(live).toMatchObject({
      status: 'filed',
      filing: { filedOn: '2026-01-15', docketNumber: '24-123', documentSha256: 'c'.repeat(64), filedBy: CA.id },
      developments: [{ kind: 'ruling', occurredOn: '2026-02-03', summary: 'Certiorari granted', stateCode: 'CA' }],
    });
    expect(live?.filing).not.toHaveProperty('documentUri');
    const [deadline] = await db.query<{ kind: string }>('SELECT kind FROM deadlines WHERE id = $1', [`${LEGAL_SIGN_ON_DEADLINE}:${id}`]);
    expect(deadline).toEqual({ kind: LEGAL_SIGN_ON_DEADLINE });

    await db.query('DELETE FROM rm_legal_action_developments');
    await rebuildProjections(db, ALL_PROJECTIONS);
    expect(await repository.get(id)).toEqual(live);
    // The list is not locked before the deadline.
    await expect(closeSignOn(executor, { id: 'x', kind: LEGAL_SIGN_ON_DEADLINE, dueAt: new Date(), payload: { legalActionId: id } })).rejects.toMatchObject({
      code: 'SIGN_ON_OPEN',
    });
  });
});
