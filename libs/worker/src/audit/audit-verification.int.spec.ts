import { Kafka } from 'kafkajs';
import { memberStateDecider, MemberStateCommand, memberStateStreamId } from '@coalition/domain';
import { Database, Queryable } from '@coalition/platform';
import { consumeUntil, testAdmin } from '@coalition/platform/testing';
import { chainHash, CommandExecutor, createKafka, ensureTopics, EventStore, KafkaJsonPublisher, physicalTopic, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { AUDIT_CHECKPOINT_KEY, AuditCheckpoint, runVerifyCommand } from '@coalition/read-side';
import { AuditCheckpointPublisher } from './audit-checkpoint-publisher';

/** What a database owner can do behind the application's back: switch the append-only guard off. */
async function tamper(db: Database, work: (tx: Queryable) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
    await work(tx);
    await tx.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
  });
}

describe('audit verification and checkpoints (PostgreSQL, Kafka)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let executor: CommandExecutor;
  let kafka: Kafka;
  let kafkaPublisher: KafkaJsonPublisher;
  const prefix = uniqueTopicPrefix();

  const verify = async (...argv: string[]) => {
    let output = '';
    const status = await runVerifyCommand(argv, { DATABASE_URL: testDb.url, KAFKA_BROKERS: testKafkaBrokers().join(',') }, (text) => (output += text));
    const last = output.trim().split('\n').pop() ?? '';
    return { status, output, result: last.startsWith('{') ? JSON.parse(last) : undefined };
  };
  const run = (code: string, command: MemberStateCommand) =>
    executor.execute(memberStateDecider, { streamId: memberStateStreamId(code), command, actor: testAdmin });

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    db = testDb.db;
    store = new EventStore(db);
    executor = new CommandExecutor(store);
    kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'audit-test', partitions: 1, topicPrefix: prefix });
    await ensureTopics(kafka, { brokers: testKafkaBrokers(), clientId: 'audit-test', partitions: 1, topicPrefix: prefix });
    kafkaPublisher = new KafkaJsonPublisher(kafka, prefix);
    for (const code of ['AA', 'BB', 'CC']) await run(code, { type: 'RegisterState', data: { code, name: `State ${code}`, population: 1 } });
    for (let i = 2; i <= 4; i++) for (const code of ['AA', 'BB', 'CC']) await run(code, { type: 'ChangePopulation', data: { code, population: i } });
  }, 60_000);

  afterAll(async () => {
    await kafkaPublisher?.disconnect();
    await testDb?.drop();
  });

  it('publishes a verified chain head to the checkpoints topic, and the command line checks the chain against it', async () => {
    const published: AuditCheckpoint[] = [];
    const publisher = new AuditCheckpointPublisher(
      db,
      (checkpoint) => kafkaPublisher.send(TOPICS.auditCheckpoints, AUDIT_CHECKPOINT_KEY, checkpoint),
      { everyEvents: 5, intervalMs: 3_600_000, pollMs: 1_000 },
      { published: (c) => published.push(c) },
    );
    const head = await store.head();
    const first = await publisher.publishIfDue();
    expect(first).toMatchObject({ position: 12, hash: head.hash });
    // Fewer than N new events and less than T seconds: nothing; N events: the next head.
    await run('AA', { type: 'ChangePopulation', data: { code: 'AA', population: 50 } });
    expect(await publisher.publishIfDue()).toBeUndefined();
    for (let i = 51; i <= 54; i++) await run('AA', { type: 'ChangePopulation', data: { code: 'AA', population: i } });
    expect(await publisher.publishIfDue()).toMatchObject({ position: 17 });
    // ...or T seconds with any movement.
    await run('BB', { type: 'ChangePopulation', data: { code: 'BB', population: 99 } });
    expect(await publisher.publishIfDue(Date.now() + 3_600_001)).toMatchObject({ position: 18 });

    const messages = await consumeUntil(kafka, physicalTopic(prefix, TOPICS.auditCheckpoints), (m) => m.length >= 3);
    expect(messages.map((m) => m.key)).toEqual([AUDIT_CHECKPOINT_KEY, AUDIT_CHECKPOINT_KEY, AUDIT_CHECKPOINT_KEY]);
    const values = messages.map((m) => JSON.parse(m.value ?? '{}') as AuditCheckpoint);
    expect(values).toEqual(published);
    const recordedAt = (await store.readAll(11, 1))[0].recordedAt;
    expect(values[0]).toEqual({ position: 12, hash: head.hash, time: recordedAt, publishedAt: expect.any(String) });

    const checked = await verify('--position', String(values[0].position), '--hash', values[0].hash);
    expect(checked.status).toBe(0);
    expect(checked.output).toMatch(/^audit chain intact: 18 events, head 18 .*; passes through checkpoint 12\n/);
    // A checkpoint the intact chain does not pass through is a mismatch (3), not a broken chain (1).
    const other = await verify('--position', '12', '--hash', 'f'.repeat(64));
    expect(other.status).toBe(3);
    expect(other.output).toMatch(/^checkpoint MISMATCH at position 12: the chain is intact/);
    expect(other.output).not.toMatch(/BROKEN/);
    expect((await verify('--position', '99', '--hash', head.hash)).output).toMatch(/^checkpoint MISMATCH: the chain is intact but ends at position 18, before the checkpoint's position 99/);
    expect((await verify('--help')).status).toBe(0);
    expect((await verify('--position', '12')).status).toBe(2);
  }, 60_000);

  it('finds a tampered row, from the command line and in the worker, which then publishes no checkpoint', async () => {
    const kept = await store.head();
    await tamper(db, (tx) => tx.query(`UPDATE events SET data = jsonb_set(data, '{population}', '1000000') WHERE position = 7`));

    const found = await verify();
    expect(found.status).toBe(1);
    expect(found.output).toMatch(/BROKEN at position 7: hash does not match the event content/);
    expect(found.result).toMatchObject({ ok: false, firstInvalidPosition: 7 });

    const broken: number[] = [];
    const publisher = new AuditCheckpointPublisher(db, undefined, { everyEvents: 1, intervalMs: 1_000, pollMs: 1_000 }, { broken: (p) => broken.push(p) });
    await db.query('DELETE FROM audit_checkpoints'); // a fresh worker, verifying from the start
    await run('CC', { type: 'ChangePopulation', data: { code: 'CC', population: 7 } });
    expect(await publisher.publishIfDue()).toBeUndefined();
    expect(broken).toEqual([7]);

    // Repair event 7 but rewrite the chain consistently after a change to event 9: only a kept checkpoint tells.
    await tamper(db, async (tx) => {
      await tx.query(`UPDATE events SET data = jsonb_set(data, '{population}', '3') WHERE position = 7`);
      let prevHash = (await store.readAll(7, 1))[0].hash; // event 8, untouched
      for (const event of await store.readAll(8, 1000)) {
        const data = event.position === 9 ? { ...event.data, population: 0 } : event.data;
        const hash = chainHash(prevHash, { ...event, data });
        await tx.query('UPDATE events SET data = $2, prev_hash = $3, hash = $4 WHERE position = $1', [event.position, JSON.stringify(data), prevHash, hash]);
        prevHash = hash;
      }
    });
    expect((await verify()).status).toBe(0);
    const against = await verify('--position', String(kept.position), '--hash', kept.hash);
    expect(against.status).toBe(3);
    expect(against.result).toMatchObject({ ok: false, chainIntact: true, checkpointMismatch: { position: kept.position, checkpointHash: kept.hash } });
  }, 60_000);
});
