import { CategoryCents } from '@coalition/domain';

/** What the resource-sharing routes answer: pledges, requests, offers, reimbursements and a compact's totals. */
export interface Money {
  amount: number;
  currency: 'USD';
}

export interface PledgeView {
  id: string;
  compactId: string;
  stateCode: string;
  resourceType: string;
  unit: string;
  quantity: number;
  /** Held by offers that are open or accepted. */
  reserved: number;
  remaining: number;
  /** The unreserved remainder taken back by withdrawing the pledge. */
  withdrawn: number;
  status: 'open' | 'withdrawn';
  note?: string;
  createdAt: string;
  /** Its stream in the audit log: the pool of its compact and resource type (GET /audit/streams/{streamId}). */
  streamId: string;
}

export type OfferStatusView = 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'received';

export interface RequestOfferView {
  id: string;
  pledgeId: string;
  stateCode: string;
  quantity: number;
  status: OfferStatusView;
  costEstimate?: Money;
}

export interface RequestView {
  id: string;
  compactId: string;
  stateCode: string;
  resourceType: string;
  unit: string;
  quantity: number;
  accepted: number;
  outstanding: number;
  status: 'open' | 'fulfilled' | 'cancelled';
  justification: string;
  neededBy?: string;
  createdAt: string;
  offers: RequestOfferView[];
  /** Its stream in the audit log: the pool of its compact and resource type (GET /audit/streams/{streamId}). */
  streamId: string;
}

export interface ReimbursementView {
  id: string;
  offerId: string;
  stateCode: string;
  payerState: string;
  amount: number;
  currency: 'USD';
  categories: Partial<Record<keyof CategoryCents, number>>;
  status: 'claimed' | 'approved' | 'paid';
  claimedAt: string;
  approvedAt?: string;
  paidAt?: string;
}

export interface OfferView {
  id: string;
  compactId: string;
  requestId: string;
  pledgeId: string;
  stateCode: string;
  requestingState: string;
  resourceType: string;
  unit: string;
  quantity: number;
  status: OfferStatusView;
  costEstimate?: Money;
  terms?: string;
  declineReason?: string;
  createdAt: string;
  acceptedAt?: string;
  receivedAt?: string;
  reimbursements: ReimbursementView[];
  /** Its stream in the audit log: the pool of its compact and resource type (GET /audit/streams/{streamId}). */
  streamId: string;
}

export interface PoolSummary {
  resourceType: string;
  unit: string;
  pledged: number;
  reserved: number;
  available: number;
  requested: number;
  accepted: number;
  outstanding: number;
}

export interface StateLedgerRow {
  stateCode: string;
  resourceType: string;
  unit: string;
  pledged: number;
  given: number;
  received: number;
}

export interface CompactResourcesView {
  pools: PoolSummary[];
  states: StateLedgerRow[];
}
