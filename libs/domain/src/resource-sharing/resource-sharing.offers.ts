import { Actor } from '../shared';
import { AcceptOffer, ConfirmReceipt, DeclineOffer, MakeOffer, WithdrawOffer } from './resource-sharing.commands';
import { ExceedsRequest, InsufficientPledge, OfferNotAccepted, OfferNotOpen, PoolEntityNotFound, RequestClosed, ResourceMismatch, SelfFulfilment } from './resource-sharing.errors';
import { ResourcePoolEvent } from './resource-sharing.events';
import { isRequestClosed, pledgeRemaining, ResourcePoolState } from './resource-sharing.state';
import { actFor, offerOf, offerRef, requestOf, requirePositive, requireSharing } from './resource-sharing.rules';

/** The deciders of an offer's life: made from a pledge, accepted or declined, withdrawn, received. */

export function makeOffer(command: MakeOffer, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
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
  const { compactId, stateCode: requestingState, resourceType } = request;
  const optional = { ...(costEstimate ? { costEstimate } : {}), ...(terms ? { terms } : {}) };
  return [
    {
      type: 'OfferMade',
      data: { offerId, requestId, pledgeId, compactId, stateCode: pledge.stateCode, requestingState, resourceType, unit: pledge.unit, quantityHundredths, ...optional },
    },
  ];
}

export function acceptOffer(command: AcceptOffer, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
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
  return [{ type: 'OfferAccepted', data: { ...offerRef(offer), stateCode: offer.requestingState, offeringState: offer.stateCode } }];
}

export function declineOffer(command: DeclineOffer, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const offer = offerOf(state, command.data.offerId);
  actFor(actor, offer.requestingState, 'Only the requesting state declines an offer');
  if (offer.status === 'declined') return [];
  if (offer.status !== 'offered') throw new OfferNotOpen(`Offer ${offer.id} is ${offer.status}`);
  const reason = command.data.reason;
  return [{ type: 'OfferDeclined', data: { ...offerRef(offer), stateCode: offer.requestingState, ...(reason ? { reason } : {}) } }];
}

export function withdrawOffer(command: WithdrawOffer, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const offer = offerOf(state, command.data.offerId);
  actFor(actor, offer.stateCode, 'Only the offering state withdraws an offer');
  if (offer.status === 'withdrawn') return [];
  if (offer.status !== 'offered') throw new OfferNotOpen(`Offer ${offer.id} is ${offer.status}; only an open offer can be withdrawn`);
  return [{ type: 'OfferWithdrawn', data: { ...offerRef(offer), stateCode: offer.stateCode } }];
}

export function confirmReceipt(command: ConfirmReceipt, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const offer = offerOf(state, command.data.offerId);
  actFor(actor, offer.requestingState, 'Only the requesting state confirms receipt');
  if (offer.status === 'received') return [];
  if (offer.status !== 'accepted') throw new OfferNotAccepted(`Offer ${offer.id} is ${offer.status}, not accepted`);
  return [{ type: 'OfferReceived', data: { offerId: offer.id, compactId: offer.compactId, requestId: offer.requestId, stateCode: offer.requestingState } }];
}
