import { Actor, CompactCommand, compactDecider, compactStreamId, SYSTEM_ACTOR } from '@coalition/domain';
import { CompactFacts } from '../../compacts/compact-facts';
import { CommandExecutor, EventStore, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { DeadLetterQueue } from '../../projections/dead-letters';
import { ProjectionRunner } from '../../projections/projection-runner';
import { compactsProjection } from './compacts.projection';
import { CompactsRepository, compactViewOf } from './compacts.repository';

const coordinator = (stateCode: string): Actor => ({ id: `coordinator-${stateCode}`, kind: 'user', stateCode, roles: ['coordinator'] });

describe('compacts read model (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let store: EventStore;
  let executor: CommandExecutor;
  let runner: ProjectionRunner;
  let repository: CompactsRepository;
  let facts: CompactFacts;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
    store = new EventStore(testDb.db);
    executor = new CommandExecutor(store);
    runner = new ProjectionRunner(testDb.db, [compactsProjection], new DeadLetterQueue(testDb.db));
    repository = new CompactsRepository(testDb.db);
    facts = new CompactFacts(store);
  });

  afterAll(() => testDb?.drop());

  const run = (compactId: string, command: CompactCommand, actor: Actor) =>
    executor.execute(compactDecider, { streamId: compactStreamId(compactId), command, actor });
  const project = async () => runner.handle(TOPICS.events, 0, await store.readAll(0, 10_000));

  it('answers what the aggregate itself folds to, through every kind of event, with members in joining order', async () => {
    const id = '6f1e2d3c-0000-4000-8000-000000000001';
    await run(id, {
      type: 'DraftCompact',
      data: {
        compactId: id, title: 'Western Wildfire Compact', purpose: 'Mutual aid', charterText: 'Article I.',
        votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
        foundingStates: ['WA', 'OR', 'CA'], minRatifications: 2, withdrawalNoticeDays: 0, unregisteredStates: [],
      },
    }, coordinator('WA'));
    await run(id, { type: 'RatifyCompact', data: { stateCode: 'WA', ratification: { kind: 'statute', reference: 'RCW 1', enactedOn: '2025-01-01' } } }, coordinator('WA'));
    await run(id, { type: 'RatifyCompact', data: { stateCode: 'OR', ratification: { kind: 'agreement', reference: 'A-2', enactedOn: '2025-02-01' } } }, coordinator('OR'));
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    await run(id, { type: 'ApplyForMembership', data: { stateCode: 'ID', proposalId: 'p1', closesAt } }, coordinator('ID'));
    await run(id, { type: 'ApplyForMembership', data: { stateCode: 'NV', proposalId: 'p2', closesAt } }, coordinator('NV'));
    await run(id, { type: 'AdmitMember', data: { stateCode: 'ID', proposalId: 'p1' } }, SYSTEM_ACTOR);
    await run(id, { type: 'RejectApplication', data: { stateCode: 'NV', proposalId: 'p2' } }, SYSTEM_ACTOR);
    await run(id, { type: 'WithdrawFromCompact', data: { stateCode: 'OR', reason: 'Budget' } }, coordinator('OR'));
    await run(id, { type: 'AmendCompact', data: { proposalId: 'p3', charterText: 'Article I, amended.', votingRule: { method: 'population-weighted', quorum: 0.6, threshold: 'two-thirds' } } }, SYSTEM_ACTOR);
    await project();

    const folded = await facts.compact(id);
    const view = await repository.find(id);
    expect(view).toEqual(compactViewOf(folded.state, folded.version));
    expect(view).toMatchObject({
      status: 'active',
      charter: { text: 'Article I, amended.', version: 2 },
      members: [
        { stateCode: 'WA', status: 'ratified', ratification: { kind: 'statute', reference: 'RCW 1', enactedOn: '2025-01-01' } },
        { stateCode: 'OR', status: 'withdrawn', effectiveAt: expect.any(String) },
        { stateCode: 'CA', status: 'admitted' },
        { stateCode: 'ID', status: 'admitted' },
      ],
      version: 11,
    });
    expect(await repository.list()).toEqual([{ id, title: 'Western Wildfire Compact', status: 'active', memberCount: 3, streamId: `compact-${id}` }]);

    await run(id, { type: 'DissolveCompact', data: { proposalId: 'p4' } }, SYSTEM_ACTOR);
    await project();
    await project(); // a redelivered batch changes nothing
    const after = await facts.compact(id);
    expect(await repository.find(id)).toEqual(compactViewOf(after.state, after.version));
    expect((await repository.list())[0].status).toBe('dissolved');
  });
});
