import { Actor, NotAllowed } from '../shared';

/**
 * A principal acts only for its own state: a Washington coordinator never ratifies, applies,
 * proposes or votes for California. The system (process managers, deadlines) acts for none
 * and is let through by the callers that accept it.
 */
export function assertActsFor(actor: Actor, stateCode: string): void {
  if (!actor.stateCode || actor.stateCode !== stateCode) {
    throw new NotAllowed(`This principal cannot act for ${stateCode || 'a state'}`);
  }
  if (actor.kind === 'user' && !actor.roles.includes('coordinator')) {
    throw new NotAllowed('Only a coordinator acts for a state in compacts');
  }
}

/** Outcomes of votes and deadlines are applied by the platform itself, never by a person. */
export function assertSystem(actor: Actor, what: string): void {
  if (actor.kind !== 'system') throw new NotAllowed(`${what} is applied by the platform, not requested`);
}
