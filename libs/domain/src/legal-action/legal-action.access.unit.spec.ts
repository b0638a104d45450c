import { Actor, SYSTEM_ACTOR } from '../shared';
import { adminActor, coordinatorOf } from '../testing';
import { isLegalStreamType, mayReadLegalActions } from './legal-action.access';

const user = (roles: Actor['roles']): Actor => ({ id: 'u', kind: 'user', stateCode: 'CA', roles });
const key = (scopes: Actor['scopes']): Actor => ({ id: 'k', kind: 'api-key', stateCode: 'CA', roles: [], scopes });

describe('who may read legal actions', () => {
  it('lets counsel, auditors, admins and the system read them', () => {
    expect([user(['counsel']), user(['auditor']), adminActor, SYSTEM_ACTOR].map(mayReadLegalActions)).toEqual([true, true, true, true]);
  });

  it('keeps them from coordinators, whatever their state', () => {
    expect(mayReadLegalActions(coordinatorOf('CA'))).toBe(false);
    expect(mayReadLegalActions(user([]))).toBe(false);
  });

  it('lets an API key read them only with the legal:read scope, never by a role', () => {
    expect(mayReadLegalActions(key(['legal:read']))).toBe(true);
    expect(mayReadLegalActions(key(['read', 'resources:write']))).toBe(false);
    expect(mayReadLegalActions({ ...key(['read']), roles: ['admin'] })).toBe(false);
  });

  it('marks legal-action streams as privileged and nothing else', () => {
    expect(isLegalStreamType('legal-action')).toBe(true);
    expect(['member-state', 'user', 'compact', 'legal'].map(isLegalStreamType)).toEqual([false, false, false, false]);
  });
});
