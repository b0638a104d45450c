import { Actor, assertNever, CommandContext, Decider } from '../shared';
import { CancelRequest, MakePledge, MakeRequest, MembershipFacts, ResourcePoolCommand, WithdrawPledge } from './resource-sharing.commands';
import { PoolEntityNotFound } from './resource-sharing.errors';
import { ResourcePoolEvent } from './resource-sharing.events';
import { acceptOffer, confirmReceipt, declineOffer, makeOffer, withdrawOffer } from './resource-sharing.offers';
import { approveReimbursement, claimReimbursement, payReimbursement } from './resource-sharing.reimbursements';
import { actFor, actingState, offerRef, requestOf, requirePositive, requireSharing } from './resource-sharing.rules';
import { evolveResourcePool, initialResourcePoolState, pledgeRemaining, ResourcePoolState } from './resource-sharing.state';

/** One decider function per command; this only dispatches. */
export function decideResourcePool(command: ResourcePoolCommand, state: ResourcePoolState, { actor }: CommandContext): ResourcePoolEvent[] {
  switch (command.type) {
    case 'MakePledge':
      return makePledge(command, actor);
    case 'MakeRequest':
      return makeRequest(command, actor);
    case 'MakeOffer':
      return makeOffer(command, state, actor);
    case 'AcceptOffer':
      return acceptOffer(command, state, actor);
    case 'DeclineOffer':
      return declineOffer(command, state, actor);
    case 'WithdrawOffer':
      return withdrawOffer(command, state, actor);
    case 'ConfirmReceipt':
      return confirmReceipt(command, state, actor);
    case 'ClaimReimbursement':
      return claimReimbursement(command, state, actor);
    case 'ApproveReimbursement':
      return approveReimbursement(command, state, actor);
    case 'PayReimbursement':
      return payReimbursement(command, state, actor);
    case 'WithdrawPledge':
      return withdrawPledge(command, state, actor);
    case 'CancelRequest':
      return cancelRequest(command, state, actor);
    default:
      return assertNever(command);
  }
}

/** A pledge and a request are both a new commitment of the acting state in an active compact. */
function committingState(compact: MembershipFacts, quantityHundredths: number, actor: Actor): string {
  const stateCode = actingState(actor);
  requireSharing(compact, [stateCode]);
  requirePositive(quantityHundredths);
  return stateCode;
}

function makePledge(command: MakePledge, actor: Actor): ResourcePoolEvent[] {
  const { compact, ...data } = command.data;
  return [{ type: 'PledgeMade', data: { ...data, stateCode: committingState(compact, data.quantityHundredths, actor) } }];
}

function makeRequest(command: MakeRequest, actor: Actor): ResourcePoolEvent[] {
  const { compact, ...data } = command.data;
  return [{ type: 'RequestMade', data: { ...data, stateCode: committingState(compact, data.quantityHundredths, actor) } }];
}

function withdrawPledge(command: WithdrawPledge, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const pledge = state.pledges[command.data.pledgeId];
  if (!pledge) throw new PoolEntityNotFound('pledge', command.data.pledgeId);
  actFor(actor, pledge.stateCode, 'Only the pledging state withdraws its pledge');
  if (pledge.status === 'withdrawn') return [];
  const { id: pledgeId, compactId, stateCode } = pledge;
  return [{ type: 'PledgeWithdrawn', data: { pledgeId, compactId, stateCode, withdrawnHundredths: pledgeRemaining(pledge) } }];
}

function cancelRequest(command: CancelRequest, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const request = requestOf(state, command.data.requestId);
  actFor(actor, request.stateCode, 'Only the requesting state cancels its request');
  if (request.status === 'cancelled') return [];
  // Open offers are declined with it, releasing their pledges; accepted ones stay binding.
  const declined: ResourcePoolEvent[] = Object.values(state.offers)
    .filter((offer) => offer.requestId === request.id && offer.status === 'offered')
    .map((offer) => ({ type: 'OfferDeclined', data: { ...offerRef(offer), stateCode: request.stateCode, reason: 'request cancelled' } }));
  return [{ type: 'RequestCancelled', data: { requestId: request.id, compactId: request.compactId, stateCode: request.stateCode } }, ...declined];
}

export const resourcePoolDecider: Decider<ResourcePoolCommand, ResourcePoolEvent, ResourcePoolState> = {
  streamType: 'resource-pool',
  initialState: initialResourcePoolState,
  evolve: evolveResourcePool,
  decide: decideResourcePool,
};
