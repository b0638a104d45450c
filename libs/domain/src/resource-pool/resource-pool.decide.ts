import { CompactNotActive, NotAMember, NotRatified } from '../compact';
import { Actor, assertNever, CommandContext, Decider, InvalidCommand, NotAllowed } from '../shared';
import { MembershipFacts, MakeOffer, ResourcePoolCommand } from './resource-pool.commands';
import {
  CategoriesDoNotSum,
  ExceedsRequest,
  InsufficientPledge,
  OfferNotAccepted,
  OfferNotOpen,
  PoolEntityNotFound,
  ReimbursementNotApproved,
  RequestClosed,
  ResourceMismatch,
  SelfFulfilment,
} from './resource-pool.errors';
import { CategoryCents, ResourcePoolEvent } from './resource-pool.events';
import {
  evolveResourcePool,
  initialResourcePoolState,
  isRequestClosed,
  OfferState,
  pledgeRemaining,
  RequestState,
  ResourcePoolState,
} from './resource-pool.state';

export function decideResourcePool(command: ResourcePoolCommand, state: ResourcePoolState, { actor }: CommandContext): ResourcePoolEvent[] {
  switch (command.type) {
    case 'MakePledge': {
      const { compact, quantityHundredths, ...data } = command.data;
      const stateCode = actingState(actor);
      requireSharing(compact, [stateCode]);
      requirePositive(quantityHundredths);
      return [{ type: 'PledgeMade', data: { ...data, stateCode, quantityHundredths } }];
    }
    case 'MakeRequest': {
      const { compact, quantityHundredths, ...data } = command.data;
      const stateCode = actingState(actor);
      requireSharing(compact, [stateCode]);
      requirePositive(quantityHundredths);
      return [{ type: 'RequestMade', data: { ...data, stateCode, quantityHundredths } }];
    }
    case 'MakeOffer':
      return makeOffer(command, state, actor);
    case 'AcceptOffer': {
      const offer = offerOf(state, command.data.offerId);
      actFor(actor, offer.requestingState, 'Only the requesting state accepts an offer');
      if (offer.status !== 'offered') throw new OfferNotOpen(`Offer ${offer.id} is ${offer.status}`);
      const request = requestOf(state, offer.requestId);
      if (request.status === 'cancelled') throw new RequestClosed(`Request ${request.id} is cancelled`);
      requireSharing(command.data.compact, [offer.requestingState, offer.stateCode]);
      if (request.accepted + offer.quantity > request.quantity) {
        throw new ExceedsRequest(
          `Accepting ${offer.quantity / 100} would take request ${request.id} to ${(request.accepted + offer.quantity) / 100} of ${request.quantity / 100}`,
        );
      }
      return [
        {
          type: 'OfferAccepted',
          data: { ...offerRef(offer), stateCode: offer.requestingState, offeringState: offer.stateCode },
        },
      ];
    }
    case 'DeclineOffer': {
      const offer = offerOf(state, command.data.offerId);
      actFor(actor, offer.requestingState, 'Only the requesting state declines an offer');
      if (offer.status === 'declined') return [];
      if (offer.status !== 'offered') throw new OfferNotOpen(`Offer ${offer.id} is ${offer.status}`);
      const reason = command.data.reason;
      return [{ type: 'OfferDeclined', data: { ...offerRef(offer), stateCode: offer.requestingState, ...(reason ? { reason } : {}) } }];
    }
    case 'WithdrawOffer': {
      const offer = offerOf(state, command.data.offerId);
      actFor(actor, offer.stateCode, 'Only the offering state withdraws an offer');
      if (offer.status === 'withdrawn') return [];
      if (offer.status !== 'offered') throw new OfferNotOpen(`Offer ${offer.id} is ${offer.status}; only an open offer can be withdrawn`);
      return [{ type: 'OfferWithdrawn', data: { ...offerRef(offer), stateCode: offer.stateCode } }];
    }
    case 'ConfirmReceipt': {
      const offer = offerOf(state, command.data.offerId);
      actFor(actor, offer.requestingState, 'Only the requesting state confirms receipt');
      if (offer.status === 'received') return [];
      if (offer.status !== 'accepted') throw new OfferNotAccepted(`Offer ${offer.id} is ${offer.status}, not accepted`);
      return [{ type: 'OfferReceived', data: { offerId: offer.id, compactId: offer.compactId, requestId: offer.requestId, stateCode: offer.requestingState } }];
    }
    case 'ClaimReimbursement': {
      const { reimbursementId, offerId, amountCents, currency, categoriesCents } = command.data;
      const offer = offerOf(state, offerId);
      actFor(actor, offer.stateCode, 'Only the offering state claims reimbursement');
      if (offer.status !== 'accepted' && offer.status !== 'received') {
        throw new OfferNotAccepted(`Offer ${offer.id} is ${offer.status}; reimbursement follows acceptance`);
      }
      requirePositive(amountCents, 'amount');
      requireCategoriesSum(categoriesCents, amountCents);
      return [
        {
          type: 'ReimbursementClaimed',
          data: {
            reimbursementId,
            offerId,
            compactId: offer.compactId,
            stateCode: offer.stateCode,
            payerState: offer.requestingState,
            amountCents,
            currency,
            categoriesCents,
          },
        },
      ];
    }
    case 'ApproveReimbursement': {
      const reimbursement = reimbursementOf(state, command.data.reimbursementId);
      actFor(actor, reimbursement.payerState, 'Only the requesting state approves a reimbursement');
      if (reimbursement.status !== 'claimed') return [];
      const { id: reimbursementId, offerId, compactId, payerState: stateCode } = reimbursement;
      return [{ type: 'ReimbursementApproved', data: { reimbursementId, offerId, compactId, stateCode } }];
    }
    case 'PayReimbursement': {
      const reimbursement = reimbursementOf(state, command.data.reimbursementId);
      actFor(actor, reimbursement.payerState, 'Only the requesting state pays a reimbursement');
      if (reimbursement.status === 'paid') return [];
      if (reimbursement.status !== 'approved') throw new ReimbursementNotApproved(`Reimbursement ${reimbursement.id} must be approved before it is paid`);
      const { id: reimbursementId, offerId, compactId, payerState: stateCode } = reimbursement;
      return [{ type: 'ReimbursementPaid', data: { reimbursementId, offerId, compactId, stateCode } }];
    }
    case 'WithdrawPledge': {
      const pledge = state.pledges[command.data.pledgeId];
      if (!pledge) throw new PoolEntityNotFound('pledge', command.data.pledgeId);
      actFor(actor, pledge.stateCode, 'Only the pledging state withdraws its pledge');
      if (pledge.status === 'withdrawn') return [];
      return [
        { type: 'PledgeWithdrawn', data: { pledgeId: pledge.id, compactId: pledge.compactId, stateCode: pledge.stateCode, withdrawnHundredths: pledgeRemaining(pledge) } },
      ];
    }
    case 'CancelRequest': {
      const request = requestOf(state, command.data.requestId);
      actFor(actor, request.stateCode, 'Only the requesting state cancels its request');
      if (request.status === 'cancelled') return [];
      // Open offers are declined with it, releasing their pledges; accepted ones stay binding.
      const declined: ResourcePoolEvent[] = Object.values(state.offers)
        .filter((offer) => offer.requestId === request.id && offer.status === 'offered')
        .map((offer) => ({ type: 'OfferDeclined', data: { ...offerRef(offer), stateCode: request.stateCode, reason: 'request cancelled' } }));
      return [{ type: 'RequestCancelled', data: { requestId: request.id, compactId: request.compactId, stateCode: request.stateCode } }, ...declined];
    }
    default:
      return assertNever(command);
  }
}

function makeOffer(command: MakeOffer, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const { offerId, requestId, pledgeId, quantityHundredths, costEstimate, terms, compact, pledgeElsewhere } = command.data;
  const request = requestOf(state, requestId);
  const pledge = state.pledges[pledgeId];
  if (!pledge) {
    if (!pledgeElsewhere) throw new PoolEntityNotFound('pledge', pledgeId);
    actFor(actor, pledgeElsewhere.stateCode, 'Only the pledging state offers from its pledge');
    throw new ResourceMismatch(
      `Pledge ${pledgeId} is for ${pledgeElsewhere.resourceType} in compact ${pledgeElsewhere.compactId}; the request is for another resource or compact`,
    );
  }
  actFor(actor, pledge.stateCode, 'Only the pledging state offers from its pledge');
  if (pledge.unit !== request.unit) throw new ResourceMismatch(`Pledge ${pledge.id} is counted in ${pledge.unit}, the request in ${request.unit}`);
  if (pledge.stateCode === request.stateCode) throw new SelfFulfilment(`State ${request.stateCode} cannot answer its own request from its own pledge`);
  if (isRequestClosed(request)) throw new RequestClosed(`Request ${request.id} is ${request.status === 'cancelled' ? 'cancelled' : 'fully met'}`);
  requireSharing(compact, [pledge.stateCode, request.stateCode]);
  requirePositive(quantityHundredths);
  const remaining = pledgeRemaining(pledge);
  if (quantityHundredths > remaining) {
    throw new InsufficientPledge(`Pledge ${pledge.id} has ${remaining / 100} ${pledge.unit} unreserved; the offer asks for ${quantityHundredths / 100}`);
  }
  return [
    {
      type: 'OfferMade',
      data: {
        offerId,
        requestId,
        pledgeId,
        compactId: request.compactId,
        stateCode: pledge.stateCode,
        requestingState: request.stateCode,
        resourceType: request.resourceType,
        unit: pledge.unit,
        quantityHundredths,
        ...(costEstimate ? { costEstimate } : {}),
        ...(terms ? { terms } : {}),
      },
    },
  ];
}

/**
 * The state a principal acts for in resource sharing: a coordinator's, or that of an API key
 * with `resources:write` (a state's emergency-management system files requests and offers
 * exactly as its coordinator would).
 */
function actingState(actor: Actor): string {
  const canShare =
    actor.kind === 'api-key' ? (actor.scopes ?? []).includes('resources:write') : actor.kind === 'user' && actor.roles.includes('coordinator');
  if (!canShare || !actor.stateCode) throw new NotAllowed('Resource sharing needs a coordinator of a state or an API key with resources:write');
  return actor.stateCode;
}

function actFor(actor: Actor, stateCode: string, why: string): void {
  if (actingState(actor) !== stateCode) throw new NotAllowed(`${why} (${stateCode}); this principal acts for ${actor.stateCode}`);
}

/**
 * New commitments (pledges, requests, offers, acceptances) need an active compact and every
 * state they bind to be ratified. Obligations already taken on survive a withdrawal, so the
 * commands that release, receive or settle do not call this.
 */
function requireSharing(compact: MembershipFacts, stateCodes: readonly string[]): void {
  if (compact.status !== 'active') throw new CompactNotActive(`The compact is ${compact.status}; resource sharing needs an active compact`);
  for (const stateCode of stateCodes) {
    const status = compact.members[stateCode];
    if (status === 'withdrawn') throw new NotAMember(stateCode, 'has withdrawn from this compact and takes on no new commitments');
    if (!status || status === 'applied') throw new NotAMember(stateCode);
    if (status !== 'ratified') throw new NotRatified(stateCode, status);
  }
}

function requirePositive(value: number, field = 'quantity'): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidCommand(`${field} must be positive with at most 2 decimal places`);
}

function requireCategoriesSum(categories: CategoryCents, amountCents: number): void {
  const parts = Object.values(categories).filter((cents): cents is number => cents !== undefined);
  if (parts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) {
    throw new InvalidCommand('Each reimbursement category must be a non-negative amount with at most 2 decimal places');
  }
  const sum = parts.reduce((total, cents) => total + cents, 0);
  if (sum !== amountCents) {
    throw new CategoriesDoNotSum(`The categories sum to ${(sum / 100).toFixed(2)} USD, the amount is ${(amountCents / 100).toFixed(2)} USD`);
  }
}

function requestOf(state: ResourcePoolState, id: string): RequestState {
  const request = state.requests[id];
  if (!request) throw new PoolEntityNotFound('request', id);
  return request;
}

function offerOf(state: ResourcePoolState, id: string): OfferState {
  const offer = state.offers[id];
  if (!offer) throw new PoolEntityNotFound('offer', id);
  return offer;
}

function reimbursementOf(state: ResourcePoolState, id: string) {
  const reimbursement = state.reimbursements[id];
  if (!reimbursement) throw new PoolEntityNotFound('reimbursement', id);
  return reimbursement;
}

const offerRef = (offer: OfferState) => ({
  offerId: offer.id,
  compactId: offer.compactId,
  requestId: offer.requestId,
  pledgeId: offer.pledgeId,
  quantityHundredths: offer.quantity,
});

export const resourcePoolDecider: Decider<ResourcePoolCommand, ResourcePoolEvent, ResourcePoolState> = {
  streamType: 'resource-pool',
  initialState: initialResourcePoolState,
  evolve: evolveResourcePool,
  decide: decideResourcePool,
};
