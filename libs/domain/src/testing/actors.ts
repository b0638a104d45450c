import { Actor, CommandContext } from '../shared';
import { sequentialIds } from './given-when-then';

export const adminActor: Actor = { id: 'admin-1', kind: 'user', stateCode: null, roles: ['admin'] };
export const coordinatorOf = (stateCode: string): Actor => ({
  id: `coordinator-${stateCode}`,
  kind: 'user',
  stateCode,
  roles: ['coordinator'],
});

export const testContext = (actor: Actor = adminActor, now = new Date('2026-01-15T12:00:00.000Z')) =>
  (): CommandContext => ({ actor, now, newId: sequentialIds() });
