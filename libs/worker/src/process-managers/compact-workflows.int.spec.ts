import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import {
  Actor,
  CompactCommand,
  compactDecider,
  compactStreamId,
  memberStatusOf,
  ProposalCommand,
  proposalDecider,
  ProposalKind,
  proposalStreamId,
  VotingRule,
} from '@coalition/domain';
import { Database } from '@coalition/platform';
import { deleteTestTopics, eventually } from '@coalition/platform/testing';
import {
  Clock,
  CommandExecutor,
  createKafka,
  ensureTopics,
  EventSink,
  EventStore,
  KafkaEventPublisher,
  KafkaSettings,
  OutboxRelay,
  StoredEvent,
  streamCommand,
  TOPICS,
} from '@coalition/event-store';
import { createTestDatabase, TestDatabase, testKafkaBrokers, uniqueTopicPrefix } from '@coalition/event-store/testing';
import { admissionProposal, ALL_PROJECTIONS, CompactFacts, DeadLetterQueue, ProjectionRunner } from '@coalition/read-side';
import { KafkaEventConsumer } from '../consumer/kafka-event-consumer';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { CompactWorkflows } from './compact-workflows';

const coordinator = (stateCode: string): Actor => ({ id: `coordinator-${stateCode}`, kind: 'user', stateCode, roles: ['coordinator'] });
const RULE: VotingRule = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' };

/**
 * The worker side of compacts on the real PostgreSQL and Kafka: the outbox relay publishes,
 * a consumer group feeds the projections and the compact workflows, the scheduler fires
 * deadlines every 500 ms, exactly as in apps/worker.
 */
describe('compact process managers and deadlines (PostgreSQL + Kafka)', () => {
  const prefix = uniqueTopicPrefix();
  const settings: KafkaSettings = { brokers: testKafkaBrokers(), clientId: 'compact-workflows-int', partitions: 3, topicPrefix: prefix };
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let executor: CommandExecutor;
  let facts: CompactFacts;
  let kafka: Kafka;
  let publisher: KafkaEventPublisher;
  let relay: OutboxRelay;
  let scheduler: DeadlineScheduler;
  let workflows: CompactWorkflows;
  const consumers: KafkaEventConsumer[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 8 });
    db = testDb.db;
    store = new EventStore(db);
    executor = new CommandExecutor(store);
    facts = new CompactFacts(store);
    kafka = createKafka(settings);
    await ensureTopics(kafka, settings);
    publisher = new KafkaEventPublisher(kafka, prefix);
    relay = new OutboxRelay(db, publisher, { batchSize: 100, intervalMs: 20 });
    store.onAppended(() => relay.nudge());
    relay.start();
    scheduler = new DeadlineScheduler(db, 500);
    const deadLetters = new DeadLetterQueue(db);
    workflows = new CompactWorkflows(db, store, executor, scheduler, deadLetters);
    const projections = new ProjectionRunner(db, ALL_PROJECTIONS, deadLetters);
    consumers.push(new KafkaEventConsumer(kafka, db, prefix, `${prefix}coalition-worker`, [projections, ...workflows.sinks]));
    await consumers[0].start();
    scheduler.start();
  }, 60_000);

  afterAll(async () => {
    await scheduler?.stop();
    await relay?.stop();
    for (const consumer of consumers) await consumer.stop();
    await publisher?.disconnect();
    await deleteTestTopics(kafka, prefix);
    await testDb?.drop();
  }, 60_000);

  const onCompact = (compactId: string, command: CompactCommand, actor: Actor, using = executor) =>
    using.execute(compactDecider, { streamId: compactStreamId(compactId), command, actor });
  const onProposal = (proposalId: string, command: ProposalCommand, actor: Actor) =>
    executor.execute(proposalDecider, { streamId: proposalStreamId(proposalId), command, actor });

  /** An active compact of WA, OR and CA; WA and OR ratified. */
  async function activeCompact(withdrawalNoticeDays = 0): Promise<string> {
    const compactId = randomUUID();
    await onCompact(compactId, {
      type: 'DraftCompact',
      data: {
        compactId, title: 'Western Wildfire Compact', purpose: 'Mutual aid', charterText: 'Article I.', votingRule: RULE,
        foundingStates: ['WA', 'OR', 'CA'], minRatifications: 2, withdrawalNoticeDays, unregisteredStates: [],
      },
    }, coordinator('WA'));
    for (const code of ['WA', 'OR']) {
      await onCompact(compactId, { type: 'RatifyCompact', data: { stateCode: code, ratification: { kind: 'statute', reference: `${code} 1`, enactedOn: '2025-01-01' } } }, coordinator(code));
    }
    return compactId;
  }

  /** What the join request does: the application and its admission proposal, in one append. */
  async function join(compactId: string, stateCode: string, closesInMs = 60_000): Promise<string> {
    const proposalId = randomUUID();
    const closesAt = new Date(Date.now() + closesInMs).toISOString();
    const application = streamCommand(compactDecider, compactStreamId(compactId), { type: 'ApplyForMembership', data: { stateCode, proposalId, closesAt } });
    const admission = streamCommand(proposalDecider, proposalStreamId(proposalId), () =>
      admissionProposal(facts, { compactId, stateCode, proposalId, closesAt }, application.decided),
    );
    await executor.executeAll([application, admission], { actor: coordinator(stateCode) });
    return proposalId;
  }

  async function propose(compactId: string, kind: ProposalKind, closesInMs = 60_000, extra: Partial<{ amendment: { charterText?: string; votingRule?: VotingRule } }> = {}) {
    const proposalId = randomUUID();
    const { compact, populations } = await facts.forProposal(compactId);
    await onProposal(proposalId, {
      type: 'OpenProposal',
      data: { proposalId, compactId, kind, title: `A ${kind}`, text: 'Resolved.', closesAt: new Date(Date.now() + closesInMs).toISOString(), proposedBy: 'WA', compact, populations, ...extra },
    }, coordinator('WA'));
    return proposalId;
  }

  const vote = (proposalId: string, stateCode: string, choice: 'yes' | 'no' | 'abstain') =>
    onProposal(proposalId, { type: 'CastVote', data: { stateCode, choice, compactStatus: 'active' } }, coordinator(stateCode));

  const eventsOf = async (streamId: string, type?: string) => (await store.readStream(streamId)).filter((e) => !type || e.type === type);
  const closedEventOf = async (proposalId: string) => eventually(async () => (await eventsOf(proposalStreamId(proposalId), 'ProposalClosed'))[0], { what: 'the proposal to close' });

  it('applies each passed outcome exactly once, however often its ProposalClosed is delivered', async () => {
    const compactId = await activeCompact();

    const admission = await join(compactId, 'ID');
    await vote(admission, 'WA', 'yes');
    await vote(admission, 'OR', 'yes'); // the last electorate vote closes it
    await eventually(async () => memberStatusOf((await facts.compact(compactId)).state, 'ID') === 'admitted', { what: 'ID to be admitted' });

    const amendment = await propose(compactId, 'amendment', 60_000, { amendment: { charterText: 'Article I, amended.' } });
    await vote(amendment, 'WA', 'yes');
    await vote(amendment, 'OR', 'abstain');
    await eventually(async () => (await eventsOf(compactStreamId(compactId), 'CompactAmended')).length > 0, { what: 'the amendment to apply' });

    const dissolution = await propose(compactId, 'dissolution');
    await vote(dissolution, 'WA', 'yes');
    await vote(dissolution, 'OR', 'yes');
    await eventually(async () => (await facts.compact(compactId)).state.status === 'dissolved', { what: 'the compact to dissolve' });

    // Redelivery, twice over: every outcome handed straight to the process manager again, three
    // times concurrently, and the whole topic again through a consumer group starting from the beginning.
    const closings = await Promise.all([admission, amendment, dissolution].map(closedEventOf));
    await Promise.all([1, 2, 3].map(() => workflows.outcomes.handle(TOPICS.events, 0, closings)));
    const seen = new Set<number>();
    const replay: EventSink = {
      name: 'replay',
      handle: async (topic, partition, events) => {
        await workflows.outcomes.handle(topic, partition, events);
        for (const event of events) seen.add(event.position);
      },
    };
    const again = new KafkaEventConsumer(kafka, db, prefix, `${prefix}replay-${randomUUID()}`, [replay]);
    consumers.push(again);
    await again.start();
    await eventually(() => closings.every((closed) => seen.has(closed.position)), { timeoutMs: 30_000, what: 'the replay to redeliver every outcome' });

    const compactEvents = await eventsOf(compactStreamId(compactId));
    const count = (type: string) => compactEvents.filter((e) => e.type === type).length;
    expect([count('MemberAdmitted'), count('CompactAmended'), count('CompactDissolved')]).toEqual([1, 1, 1]);
    const { state } = await facts.compact(compactId);
    expect(state.status !== 'none' && state.charter).toMatchObject({ text: 'Article I, amended.', version: 2 });

    // Each outcome is attributed to the platform and points at the closing that caused it.
    for (const [type, closed] of [['MemberAdmitted', closings[0]], ['CompactAmended', closings[1]], ['CompactDissolved', closings[2]]] as [string, StoredEvent][]) {
      const applied = compactEvents.find((e) => e.type === type);
      expect(applied?.metadata).toMatchObject({
        actor: { id: 'system', kind: 'system', stateCode: null },
        causationId: closed.eventId,
        correlationId: closed.metadata.correlationId,
      });
    }
  }, 90_000);

  it('ends the application of a failed admission once', async () => {
    const compactId = await activeCompact();
    const admission = await join(compactId, 'NV');
    await vote(admission, 'WA', 'no');
    await vote(admission, 'OR', 'no');
    const closed = await closedEventOf(admission);
    expect(closed.data).toMatchObject({ outcome: 'failed' });
    await eventually(async () => (await eventsOf(compactStreamId(compactId), 'ApplicationRejected')).length === 1, { what: 'the application to end' });
    await workflows.outcomes.handle(TOPICS.events, 0, [closed]);
    expect(await eventsOf(compactStreamId(compactId), 'ApplicationRejected')).toHaveLength(1);
    expect(memberStatusOf((await facts.compact(compactId)).state, 'NV')).toBeUndefined();
  }, 60_000);

  it('closes a proposal by itself within 5 seconds of closesAt, and a re-fired deadline changes nothing', async () => {
    const compactId = await activeCompact();
    const proposalId = await propose(compactId, 'resolution', 1_500);
    await vote(proposalId, 'WA', 'yes');
    const closesAt = Date.parse((await eventsOf(proposalStreamId(proposalId), 'ProposalOpened'))[0].data.closesAt as string);

    const closed = await eventually(async () => (await eventsOf(proposalStreamId(proposalId), 'ProposalClosed'))[0], { timeoutMs: 10_000, intervalMs: 50, what: 'the deadline to close the proposal' });
    const lateness = Date.parse(closed.recordedAt) - closesAt;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(5_000);
    expect(closed.data).toMatchObject({ reason: 'closes-at', outcome: 'passed', tally: { yes: 1, no: 0, participation: 0.5, quorumMet: true } });
    expect(closed.metadata.actor.kind).toBe('system');

    const deadlineId = `proposal-close:${proposalId}`;
    await db.query('UPDATE deadlines SET fired_at = NULL, claimed_until = NULL WHERE id = $1', [deadlineId]);
    await eventually(async () => (await db.query<{ fired_at: Date | null }>('SELECT fired_at FROM deadlines WHERE id = $1', [deadlineId]))[0].fired_at !== null, { what: 'the deadline to fire again' });
    expect(await eventsOf(proposalStreamId(proposalId))).toHaveLength(3);
  }, 60_000);

  it('makes a withdrawal take effect at effectiveAt, not before', async () => {
    const compactId = await activeCompact(1);
    // Notice given "a day ago, less 1.5 seconds", so the one-day notice runs out 1.5 s from now.
    const noticeGivenAt = Date.now() - 86_400_000 + 1_500;
    const earlier: Clock = { now: () => new Date(noticeGivenAt) };
    await onCompact(compactId, { type: 'WithdrawFromCompact', data: { stateCode: 'OR', reason: 'Budget' } }, coordinator('OR'), new CommandExecutor(store, earlier));
    const effectiveAt = noticeGivenAt + 86_400_000;
    expect(memberStatusOf((await facts.compact(compactId)).state, 'OR')).toBe('withdrawing');

    const withdrawn = await eventually(async () => (await eventsOf(compactStreamId(compactId), 'MemberWithdrawn'))[0], { timeoutMs: 10_000, intervalMs: 50, what: 'the withdrawal to take effect' });
    expect(Date.parse(withdrawn.recordedAt)).toBeGreaterThanOrEqual(effectiveAt);
    expect(Date.parse(withdrawn.recordedAt) - effectiveAt).toBeLessThan(5_000);
    expect(memberStatusOf((await facts.compact(compactId)).state, 'OR')).toBe('withdrawn');
  }, 60_000);
});
