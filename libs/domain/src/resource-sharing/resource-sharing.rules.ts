import { CompactNotActive, NotAMember, NotRatified } from '../compact';
import { Actor, InvalidCommand, NotAllowed } from '../shared';
import { MembershipFacts } from './resource-sharing.commands';
import { CategoriesDoNotSum, PoolEntityNotFound } from './resource-sharing.errors';
import { CategoryCents } from './resource-sharing.events';
import { OfferState, ReimbursementState, RequestState, ResourcePoolState } from './resource-sharing.state';

/**
 * The state a principal acts for in resource sharing: a coordinator's, or that of an API key
 * with `resources:write` (a state's emergency-management system files requests and offers
 * exactly as its coordinator would).
 */
export function actingState(actor: Actor): string {
  const canShare =
    actor.kind === 'api-key' ? (actor.scopes ?? []).includes('resources:write') : actor.kind === 'user' && actor.roles.includes('coordinator');
  if (!canShare || !actor.stateCode) throw new NotAllowed('Resource sharing needs a coordinator of a state or an API key with resources:write');
  return actor.stateCode;
}

export function actFor(actor: Actor, stateCode: string, why: string): void {
  if (actingState(actor) !== stateCode) throw new NotAllowed(`${why} (${stateCode}); this principal acts for ${actor.stateCode}`);
}

/**
 * New commitments (pledges, requests, offers, acceptances) need an active compact and every
 * state they bind to be ratified. Obligations already taken on survive a withdrawal, so the
 * commands that release, receive or settle do not call this.
 */
export function requireSharing(compact: MembershipFacts, stateCodes: readonly string[]): void {
  if (compact.status !== 'active') throw new CompactNotActive(`The compact is ${compact.status}; resource sharing needs an active compact`);
  for (const stateCode of stateCodes) {
    const status = compact.members[stateCode];
    if (status === 'withdrawn') throw new NotAMember(stateCode, 'has withdrawn from this compact and takes on no new commitments');
    if (!status || status === 'applied') throw new NotAMember(stateCode);
    if (status !== 'ratified') throw new NotRatified(stateCode, status);
  }
}

export function requirePositive(value: number, field = 'quantity'): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidCommand(`${field} must be positive with at most 2 decimal places`);
}

export function requireCategoriesSum(categories: CategoryCents, amountCents: number): void {
  const parts = Object.values(categories).filter((cents): cents is number => cents !== undefined);
  if (parts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) {
    throw new InvalidCommand('Each reimbursement category must be a non-negative amount with at most 2 decimal places');
  }
  const sum = parts.reduce((total, cents) => total + cents, 0);
  if (sum !== amountCents) {
    throw new CategoriesDoNotSum(`The categories sum to ${(sum / 100).toFixed(2)} USD, the amount is ${(amountCents / 100).toFixed(2)} USD`);
  }
}

export function requestOf(state: ResourcePoolState, id: string): RequestState {
  const request = state.requests[id];
  if (!request) throw new PoolEntityNotFound('request', id);
  return request;
}

export function offerOf(state: ResourcePoolState, id: string): OfferState {
  const offer = state.offers[id];
  if (!offer) throw new PoolEntityNotFound('offer', id);
  return offer;
}

export function reimbursementOf(state: ResourcePoolState, id: string): ReimbursementState {
  const reimbursement = state.reimbursements[id];
  if (!reimbursement) throw new PoolEntityNotFound('reimbursement', id);
  return reimbursement;
}

export const offerRef = (offer: OfferState) => ({
  offerId: offer.id,
  compactId: offer.compactId,
  requestId: offer.requestId,
  pledgeId: offer.pledgeId,
  quantityHundredths: offer.quantity,
});
