import { assertNever } from '../shared';
import { ResourcePoolEvent } from './resource-sharing.events';

/** What a pledge or a request puts in the pool: a quantity of one resource type from one state. */
interface PoolEntry {
  id: string;
  compactId: string;
  resourceType: string;
  stateCode: string;
  unit: string;
  quantity: number;
}

export interface PledgeState extends PoolEntry {
  /** Held by offers that are open or accepted. */
  reserved: number;
  status: 'open' | 'withdrawn';
}

export interface RequestState extends PoolEntry {
  accepted: number;
  status: 'open' | 'cancelled';
}

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'received';

export interface OfferState {
  id: string;
  compactId: string;
  requestId: string;
  pledgeId: string;
  /** The offering state. */
  stateCode: string;
  requestingState: string;
  quantity: number;
  status: OfferStatus;
}

export interface ReimbursementState {
  id: string;
  offerId: string;
  compactId: string;
  stateCode: string;
  payerState: string;
  status: 'claimed' | 'approved' | 'paid';
}

/** Everything in hundredths of the unit; ids map to entities of this compact and resource type. */
export interface ResourcePoolState {
  pledges: Readonly<Record<string, PledgeState>>;
  requests: Readonly<Record<string, RequestState>>;
  offers: Readonly<Record<string, OfferState>>;
  reimbursements: Readonly<Record<string, ReimbursementState>>;
}

export const initialResourcePoolState = (): ResourcePoolState => ({ pledges: {}, requests: {}, offers: {}, reimbursements: {} });

/** A request is closed to new offers once cancelled or fully met by accepted offers. */
export const isRequestClosed = (request: RequestState): boolean => request.status === 'cancelled' || request.accepted >= request.quantity;

/** What a pledge can still commit: nothing once withdrawn, else its unreserved quantity. */
export const pledgeRemaining = (pledge: PledgeState): number => (pledge.status === 'open' ? pledge.quantity - pledge.reserved : 0);

export function evolveResourcePool(state: ResourcePoolState, event: ResourcePoolEvent): ResourcePoolState {
  switch (event.type) {
    case 'PledgeMade': {
      const { pledgeId: id, compactId, resourceType, stateCode, unit, quantityHundredths: quantity } = event.data;
      return withPledge(state, { id, compactId, resourceType, stateCode, unit, quantity, reserved: 0, status: 'open' });
    }
    case 'PledgeWithdrawn':
      return updatePledge(state, event.data.pledgeId, (pledge) => ({ ...pledge, status: 'withdrawn' }));
    case 'RequestMade': {
      const { requestId: id, compactId, resourceType, stateCode, unit, quantityHundredths: quantity } = event.data;
      return withRequest(state, { id, compactId, resourceType, stateCode, unit, quantity, accepted: 0, status: 'open' });
    }
    case 'RequestCancelled':
      return updateRequest(state, event.data.requestId, (request) => ({ ...request, status: 'cancelled' }));
    case 'OfferMade': {
      const { offerId: id, compactId, requestId, pledgeId, stateCode, requestingState, quantityHundredths: quantity } = event.data;
      const next = updatePledge(state, pledgeId, (pledge) => ({ ...pledge, reserved: pledge.reserved + quantity }));
      return withOffer(next, { id, compactId, requestId, pledgeId, stateCode, requestingState, quantity, status: 'offered' });
    }
    case 'OfferAccepted': {
      const { offerId, requestId, quantityHundredths } = event.data;
      const next = updateRequest(state, requestId, (request) => ({ ...request, accepted: request.accepted + quantityHundredths }));
      return updateOffer(next, offerId, (offer) => ({ ...offer, status: 'accepted' }));
    }
    case 'OfferDeclined':
    case 'OfferWithdrawn': {
      const { offerId, pledgeId, quantityHundredths } = event.data;
      const status = event.type === 'OfferDeclined' ? 'declined' : 'withdrawn';
      const next = updatePledge(state, pledgeId, (pledge) => ({ ...pledge, reserved: pledge.reserved - quantityHundredths }));
      return updateOffer(next, offerId, (offer) => ({ ...offer, status }));
    }
    case 'OfferReceived':
      return updateOffer(state, event.data.offerId, (offer) => ({ ...offer, status: 'received' }));
    case 'ReimbursementClaimed': {
      const { reimbursementId: id, offerId, compactId, stateCode, payerState } = event.data;
      return { ...state, reimbursements: { ...state.reimbursements, [id]: { id, offerId, compactId, stateCode, payerState, status: 'claimed' } } };
    }
    case 'ReimbursementApproved':
    case 'ReimbursementPaid': {
      const current = state.reimbursements[event.data.reimbursementId];
      if (!current) return state;
      const status = event.type === 'ReimbursementApproved' ? 'approved' : 'paid';
      return { ...state, reimbursements: { ...state.reimbursements, [current.id]: { ...current, status } } };
    }
    default:
      return assertNever(event);
  }
}

const withPledge = (state: ResourcePoolState, pledge: PledgeState): ResourcePoolState => ({
  ...state,
  pledges: { ...state.pledges, [pledge.id]: pledge },
});
const withRequest = (state: ResourcePoolState, request: RequestState): ResourcePoolState => ({
  ...state,
  requests: { ...state.requests, [request.id]: request },
});
const withOffer = (state: ResourcePoolState, offer: OfferState): ResourcePoolState => ({
  ...state,
  offers: { ...state.offers, [offer.id]: offer },
});

function updatePledge(state: ResourcePoolState, id: string, change: (pledge: PledgeState) => PledgeState): ResourcePoolState {
  const pledge = state.pledges[id];
  return pledge ? withPledge(state, change(pledge)) : state;
}
function updateRequest(state: ResourcePoolState, id: string, change: (request: RequestState) => RequestState): ResourcePoolState {
  const request = state.requests[id];
  return request ? withRequest(state, change(request)) : state;
}
function updateOffer(state: ResourcePoolState, id: string, change: (offer: OfferState) => OfferState): ResourcePoolState {
  const offer = state.offers[id];
  return offer ? withOffer(state, change(offer)) : state;
}
