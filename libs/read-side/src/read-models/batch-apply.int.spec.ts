import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { Projection } from '../projections/projection';
import { memberStatesProjection } from './member-states/member-states.projection';
import { usersProjection } from './users/users.projection';

let position = 0;
const event = (type: string, data: Record<string, unknown>): StoredEvent => {
  position += 1;
  return {
    position,
    eventId: randomUUID(),
    streamId: `s-${position}`,
    streamType: 'test',
    version: 1,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: { id: 'a', kind: 'user', stateCode: null, roles: ['admin'] }, commandId: 'c', correlationId: 'c', causationId: 'c' },
    recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, position)).toISOString(),
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
};
const user = (n: number) => ({ userId: `u-${n}`, username: `user.${n}`, displayName: `User ${n}`, roles: ['coordinator', 'counsel'], stateCode: 'WA', passwordHash: 'x' });

/** A history with every case the batch folds must keep: re-registration, changes before and after, deactivation in the same batch. */
const history: StoredEvent[] = [
  event('StateRegistered', { code: 'WA', name: 'Washington', population: 1 }),
  event('PopulationChanged', { code: 'WA', population: 2 }),
  event('PopulationChanged', { code: 'OR', population: 9 }), // for a state not registered (yet): changes nothing
  event('StateRegistered', { code: 'OR', name: 'Oregon', population: 3 }),
  event('UserRegistered', user(1)),
  event('PopulationChanged', { code: 'WA', population: 4 }),
  event('UserRegistered', user(2)),
  event('UserDeactivated', { userId: 'u-1' }),
  event('StateRegistered', { code: 'WA', name: 'Washington State', population: 5 }),
  event('PopulationChanged', { code: 'OR', population: 6 }),
  event('UserRegistered', user(1)), // a redelivery: nothing changes
];

describe('Projections applied in batches (PostgreSQL)', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 2 });
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  const contents = () =>
    Promise.all([
      testDb.db.query('SELECT code, name, population FROM rm_member_states ORDER BY code'),
      testDb.db.query('SELECT id, username, display_name, roles, state_code, active, created_at FROM rm_users ORDER BY id'),
    ]);
  const reset = () => testDb.db.query('TRUNCATE rm_member_states, rm_users');
  const relevant = (p: Projection) => history.filter((e) => p.eventTypes.has(e.type));

  it('leaves member states and users exactly as applying the events one by one does', async () => {
    const projections = [memberStatesProjection, usersProjection];
    await testDb.db.transaction(async (tx) => {
      for (const p of projections) for (const e of relevant(p)) await p.apply(e, tx);
    });
    const oneByOne = await contents();
    await reset();
    await testDb.db.transaction(async (tx) => {
      for (const p of projections) await p.applyBatch?.(relevant(p), tx);
    });
    expect(await contents()).toEqual(oneByOne);
    expect(oneByOne[0]).toEqual([
      { code: 'OR', name: 'Oregon', population: '6' },
      { code: 'WA', name: 'Washington State', population: '5' },
    ]);
    expect(oneByOne[1].map((u) => [u.id, u.active, u.roles])).toEqual([
      ['u-1', false, ['coordinator', 'counsel']],
      ['u-2', true, ['coordinator', 'counsel']],
    ]);
  });
});
