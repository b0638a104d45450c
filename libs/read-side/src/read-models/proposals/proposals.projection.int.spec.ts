import { Actor, CompactCommand, compactDecider, compactStreamId, ProposalCommand, proposalDecider, proposalStreamId } from '@coalition/domain';
import { CompactFacts } from '../../compacts/compact-facts';
import { Clock, CommandExecutor, EventStore, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { DeadLetterQueue } from '../../projections/dead-letters';
import { ProjectionRunner } from '../../projections/projection-runner';
import { proposalsProjection } from './proposals.projection';
import { ProposalsRepository, proposalViewOf } from './proposals.repository';

const coordinator = (stateCode: string): Actor => ({ id: `coordinator-${stateCode}`, kind: 'user', stateCode, roles: ['coordinator'] });
const admin: Actor = { id: 'admin', kind: 'user', stateCode: null, roles: ['admin'] };

describe('proposals read model (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let store: EventStore;
  let runner: ProjectionRunner;
  let repository: ProposalsRepository;
  let facts: CompactFacts;
  let now = Date.now();
  const clock: Clock = { now: () => new Date(now) };

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    store = new EventStore(testDb.db);
    runner = new ProjectionRunner(testDb.db, [proposalsProjection], new DeadLetterQueue(testDb.db));
    repository = new ProposalsRepository(testDb.db);
    facts = new CompactFacts(store);
  });

  afterAll(() => testDb?.drop());

  it('shows every vote, tallies each state\'s latest, newest proposal first, as the aggregate folds it', async () => {
    const executor = new CommandExecutor(store, clock);
    const compactId = '6f1e2d3c-0000-4000-8000-0000000000c1';
    const onCompact = (command: CompactCommand, actor: Actor) => executor.execute(compactDecider, { streamId: compactStreamId(compactId), command, actor });
    const onProposal = (id: string, command: ProposalCommand, actor: Actor) => executor.execute(proposalDecider, { streamId: proposalStreamId(id), command, actor });
    await onCompact({
      type: 'DraftCompact',
      data: {
        compactId, title: 'T', purpose: 'P', charterText: 'C', votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
        foundingStates: ['WA', 'OR', 'CA'], minRatifications: 3, withdrawalNoticeDays: 0, unregisteredStates: [],
      },
    }, coordinator('WA'));
    for (const code of ['WA', 'OR', 'CA']) {
      await onCompact({ type: 'RatifyCompact', data: { stateCode: code, ratification: { kind: 'statute', reference: 'r', enactedOn: '2025-01-01' } } }, coordinator(code));
    }
    const closesAt = new Date(now + 60_000).toISOString();
    const open = async (id: string, title: string) => {
      const { compact, populations } = await facts.forProposal(compactId);
      await onProposal(id, { type: 'OpenProposal', data: { proposalId: id, compactId, kind: 'resolution', title, text: 't', closesAt, proposedBy: 'WA', compact, populations } }, coordinator('WA'));
    };
    const first = '6f1e2d3c-0000-4000-8000-0000000000a1';
    const second = '6f1e2d3c-0000-4000-8000-0000000000a2';
    await open(first, 'First');
    await open(second, 'Second');
    const vote = (id: string, code: string, choice: 'yes' | 'no' | 'abstain') =>
      onProposal(id, { type: 'CastVote', data: { stateCode: code, choice, compactStatus: 'active' } }, coordinator(code));
    await vote(first, 'WA', 'no');
    await vote(first, 'OR', 'yes');
    await vote(first, 'WA', 'yes');
    await runner.handle(TOPICS.events, 0, await store.readAll(0, 10_000));

    const open1 = await repository.find(first);
    const folded1 = await facts.proposal(first);
    expect(open1).toEqual(proposalViewOf(folded1.state, folded1.version));
    expect(open1?.votes.map((v) => `${v.stateCode}:${v.choice}`)).toEqual(['WA:no', 'OR:yes', 'WA:yes']);
    expect(open1?.tally).toEqual({ yes: 2, no: 0, abstain: 0, participation: 2 / 3, quorumMet: true, thresholdMet: true });

    now += 61_000;
    await onProposal(first, { type: 'CloseProposal', data: {} }, admin);
    await runner.handle(TOPICS.events, 0, await store.readAll(0, 10_000));
    const closed = await facts.proposal(first);
    expect(await repository.find(first)).toEqual(proposalViewOf(closed.state, closed.version));
    expect(await repository.find(first)).toMatchObject({ status: 'passed', closedAt: new Date(now).toISOString() });
    expect((await repository.listForCompact(compactId)).map((p) => p.title)).toEqual(['Second', 'First']);
  });
});
