import {
  Actor,
  fold,
  MembershipFacts,
  pledgeRemaining,
  ResourcePoolCommand,
  resourcePoolDecider,
  ResourcePoolEvent,
  resourcePoolStreamId,
} from '@coalition/domain';
import { CommandExecutor, EventStore, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { DeadLetterQueue } from '../../projections/dead-letters';
import { ProjectionRunner } from '../../projections/projection-runner';
import { rebuildProjections } from '../../projections/rebuild';
import { ResourceLocator } from '../../resource-sharing/resource-locator';
import { resourceSharingProjection } from './resource-sharing.projection';
import { ResourceSharingRepository } from './resource-sharing.repository';

const coordinator = (stateCode: string): Actor => ({ id: `coordinator-${stateCode}`, kind: 'user', stateCode, roles: ['coordinator'] });
const COMPACT = '6f1e2d3c-0000-4000-8000-0000000000aa';
const compact: MembershipFacts = { status: 'active', members: { WA: 'ratified', OR: 'ratified', CA: 'ratified' } };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('resource sharing locator and read model (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let store: EventStore;
  let executor: CommandExecutor;
  let locator: ResourceLocator;
  let runner: ProjectionRunner;
  let repository: ResourceSharingRepository;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    store = new EventStore(testDb.db);
    executor = new CommandExecutor(store);
    locator = new ResourceLocator(testDb.db);
    runner = new ProjectionRunner(testDb.db, [resourceSharingProjection], new DeadLetterQueue(testDb.db));
    repository = new ResourceSharingRepository(testDb.db);
  });

  afterAll(() => testDb?.drop());

  const run = (resourceType: string, command: ResourcePoolCommand, actor: Actor) =>
    executor.execute(resourcePoolDecider, { streamId: resourcePoolStreamId(COMPACT, resourceType), command, actor });
  const project = async () => runner.handle(TOPICS.events, 0, await store.readAll(0, 10_000));

  it('locates every created id in its pool at once, and nothing for a decision that failed', async () => {
    await run('generator', { type: 'MakePledge', data: { pledgeId: id(1), compactId: COMPACT, resourceType: 'generator', unit: 'each', quantityHundredths: 500, compact } }, coordinator('WA'));
    await run('generator', { type: 'MakeRequest', data: { requestId: id(2), compactId: COMPACT, resourceType: 'generator', unit: 'each', quantityHundredths: 300, justification: 'storm', compact } }, coordinator('CA'));
    await run('generator', { type: 'MakeOffer', data: { offerId: id(3), requestId: id(2), pledgeId: id(1), quantityHundredths: 300, compact } }, coordinator('WA'));
    await run('generator', { type: 'AcceptOffer', data: { offerId: id(3), compact } }, coordinator('CA'));
    await run('generator', { type: 'ClaimReimbursement', data: { reimbursementId: id(4), offerId: id(3), amountCents: 999, currency: 'USD', categoriesCents: { other: 999 } } }, coordinator('WA'));
    await expect(run('generator', { type: 'MakeOffer', data: { offerId: id(5), requestId: id(2), pledgeId: id(1), quantityHundredths: 300, compact } }, coordinator('WA'))).rejects.toMatchObject({
      code: 'REQUEST_CLOSED',
    });

    const stream = resourcePoolStreamId(COMPACT, 'generator');
    expect(await locator.find('pledge', id(1))).toEqual({ id: id(1), kind: 'pledge', streamId: stream, compactId: COMPACT, resourceType: 'generator', stateCode: 'WA' });
    expect(await locator.find('request', id(2))).toMatchObject({ streamId: stream, stateCode: 'CA' });
    expect(await locator.find('offer', id(3))).toMatchObject({ streamId: stream, stateCode: 'WA' });
    expect(await locator.find('reimbursement', id(4))).toMatchObject({ streamId: stream, resourceType: 'generator', stateCode: 'WA' });
    expect(await locator.find('offer', id(5))).toBeUndefined();
    expect(await locator.find('offer', id(1))).toBeUndefined();
  });

  it('answers what the pool itself folds to, after redelivery and after a rebuild', async () => {
    const type = 'water-tanker';
    await run(type, { type: 'MakePledge', data: { pledgeId: id(11), compactId: COMPACT, resourceType: type, unit: 'each', quantityHundredths: 10_000, compact } }, coordinator('WA'));
    await run(type, { type: 'MakePledge', data: { pledgeId: id(12), compactId: COMPACT, resourceType: type, unit: 'each', quantityHundredths: 2_550, compact } }, coordinator('OR'));
    await run(type, { type: 'MakeRequest', data: { requestId: id(13), compactId: COMPACT, resourceType: type, unit: 'each', quantityHundredths: 4_000, justification: 'fire', compact } }, coordinator('CA'));
    const offers = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) =>
        run(type, { type: 'MakeOffer', data: { offerId: id(100 + n), requestId: id(13), pledgeId: n % 2 ? id(12) : id(11), quantityHundredths: 1_025, compact } }, coordinator(n % 2 ? 'OR' : 'WA')),
      ),
    );
    const made = offers.flatMap((o, n) => (o.status === 'fulfilled' ? [id(100 + n)] : []));
    // WA's 100 takes all six of its offers of 10.25; OR's 25.5 takes two.
    expect(made).toHaveLength(8);
    expect(offers.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : []))).toEqual(Array(4).fill('INSUFFICIENT_PLEDGE'));
    for (const offerId of made.slice(0, 3)) {
      await run(type, { type: 'AcceptOffer', data: { offerId, compact } }, coordinator('CA')).catch(() => undefined);
    }
    await run(type, { type: 'WithdrawPledge', data: { pledgeId: id(12) } }, coordinator('OR'));
    await run(type, { type: 'CancelRequest', data: { requestId: id(13) } }, coordinator('CA'));
    await project();
    await project(); // a redelivered batch changes nothing

    const expectFolded = async () => {
      const state = fold(resourcePoolDecider, (await store.readStream(resourcePoolStreamId(COMPACT, type))) as unknown as ResourcePoolEvent[]);
      for (const pledge of Object.values(state.pledges)) {
        expect(await repository.pledge(pledge.id)).toMatchObject({ quantity: pledge.quantity / 100, reserved: pledge.reserved / 100, remaining: pledgeRemaining(pledge) / 100, status: pledge.status });
      }
      const request = state.requests[id(13)];
      const view = await repository.request(id(13));
      expect(view).toMatchObject({ accepted: request.accepted / 100, outstanding: 0, status: 'cancelled' });
      expect(view?.offers.map((o) => [o.id, o.status]).sort()).toEqual(Object.values(state.offers).map((o) => [o.id, o.status]).sort());
      expect(Object.values(state.offers).some((o) => o.status === 'offered')).toBe(false);
    };
    await expectFolded();
    const before = await repository.compactResources(COMPACT);
    // A rebuild folds only what the relay has published; stand in for it.
    await testDb.db.query(`UPDATE outbox SET sent_at = now(), topic = $1, partition = 0`, [TOPICS.events]);
    await rebuildProjections(testDb.db, [resourceSharingProjection]);
    await expectFolded();
    expect(await repository.compactResources(COMPACT)).toEqual(before);
  });
});
