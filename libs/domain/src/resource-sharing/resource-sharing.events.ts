import { DomainEvent } from '../shared';

/**
 * Quantities are integer hundredths of the unit and money is integer US cents (see
 * fixed-point.ts); the field names say so, because auditors read these events raw.
 */
export type ReimbursementCategory = 'personnel' | 'travel' | 'equipment' | 'commodities' | 'other';
export type CategoryCents = Partial<Record<ReimbursementCategory, number>>;

export interface MoneyCents {
  amountCents: number;
  currency: 'USD';
}

export type PledgeMade = DomainEvent<
  'PledgeMade',
  {
    pledgeId: string;
    compactId: string;
    stateCode: string;
    resourceType: string;
    unit: string;
    quantityHundredths: number;
    note?: string;
  }
>;

/** The unreserved remainder leaves the pool; what offers hold stays committed. */
export type PledgeWithdrawn = DomainEvent<'PledgeWithdrawn', { pledgeId: string; compactId: string; stateCode: string; withdrawnHundredths: number }>;

export type RequestMade = DomainEvent<
  'RequestMade',
  {
    requestId: string;
    compactId: string;
    stateCode: string;
    resourceType: string;
    unit: string;
    quantityHundredths: number;
    justification: string;
    neededBy?: string;
  }
>;

export type RequestCancelled = DomainEvent<'RequestCancelled', { requestId: string; compactId: string; stateCode: string }>;

export type OfferMade = DomainEvent<
  'OfferMade',
  {
    offerId: string;
    requestId: string;
    pledgeId: string;
    compactId: string;
    /** The offering (pledging) state. */
    stateCode: string;
    requestingState: string;
    resourceType: string;
    unit: string;
    quantityHundredths: number;
    costEstimate?: MoneyCents;
    terms?: string;
  }
>;

/**
 * Offer lifecycle events repeat the compact, request, pledge and quantity, so a read model needs
 * no lookups and an agency system reading the event feed knows which compact each concerns.
 * A type alias, so event data built from it stays plain JSON to the event store.
 */
type OfferRef = {
  offerId: string;
  compactId: string;
  requestId: string;
  pledgeId: string;
  quantityHundredths: number;
};

/** The requesting state's acceptance: from here on a binding agreement between the two states. */
export type OfferAccepted = DomainEvent<'OfferAccepted', OfferRef & { stateCode: string; offeringState: string }>;
export type OfferDeclined = DomainEvent<'OfferDeclined', OfferRef & { stateCode: string; reason?: string }>;
export type OfferWithdrawn = DomainEvent<'OfferWithdrawn', OfferRef & { stateCode: string }>;
export type OfferReceived = DomainEvent<'OfferReceived', { offerId: string; compactId: string; requestId: string; stateCode: string }>;

export type ReimbursementClaimed = DomainEvent<
  'ReimbursementClaimed',
  {
    reimbursementId: string;
    offerId: string;
    compactId: string;
    /** The offering state, which claims. */
    stateCode: string;
    /** The requesting state, which pays. */
    payerState: string;
    amountCents: number;
    currency: 'USD';
    categoriesCents: CategoryCents;
  }
>;
export type ReimbursementApproved = DomainEvent<'ReimbursementApproved', { reimbursementId: string; offerId: string; compactId: string; stateCode: string }>;
export type ReimbursementPaid = DomainEvent<'ReimbursementPaid', { reimbursementId: string; offerId: string; compactId: string; stateCode: string }>;

export type ResourcePoolEvent =
  | PledgeMade
  | PledgeWithdrawn
  | RequestMade
  | RequestCancelled
  | OfferMade
  | OfferAccepted
  | OfferDeclined
  | OfferWithdrawn
  | OfferReceived
  | ReimbursementClaimed
  | ReimbursementApproved
  | ReimbursementPaid;

export const RESOURCE_POOL_EVENT_TYPES: readonly ResourcePoolEvent['type'][] = [
  'PledgeMade',
  'PledgeWithdrawn',
  'RequestMade',
  'RequestCancelled',
  'OfferMade',
  'OfferAccepted',
  'OfferDeclined',
  'OfferWithdrawn',
  'OfferReceived',
  'ReimbursementClaimed',
  'ReimbursementApproved',
  'ReimbursementPaid',
];
