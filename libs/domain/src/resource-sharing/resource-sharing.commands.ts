import { CompactStatus, MemberStatus } from '../compact';
import { Command } from '../shared';
import { CategoryCents, MoneyCents } from './resource-sharing.events';

/**
 * The consistency boundary is one stream per compact and resource type: every pledge, request,
 * offer and reimbursement of, say, `water-tanker` in one compact. Both invariants live here
 * (an offer reserves pledge capacity AND is accepted against a request's quantity), and an
 * offer always joins a pledge and a request of the same type, so one stream makes both checks
 * a single optimistic-concurrency decision: two racing offers cannot both see the last free
 * capacity, because the loser's append conflicts and it decides again on the newer state.
 *
 * Not per pledge or per request: an offer touches one of each, and two streams cannot be
 * appended atomically. Not per compact: unrelated types (tankers vs. nurses) would contend
 * with each other and every command would fold the whole compact's history. A unit mismatch
 * within the type is decided here; a pledge of another type lives in another stream, which the
 * caller reports through `pledgeElsewhere` so the decision can still say RESOURCE_MISMATCH.
 */
export const resourcePoolStreamId = (compactId: string, resourceType: string): string => `resource-pool-${compactId}-${resourceType}`;

/**
 * What the compact says about membership when the command is issued, folded by the caller
 * from the compact's own stream: new pledges, requests, offers and agreements need an active
 * compact and ratified states; obligations already taken on do not.
 */
export interface MembershipFacts {
  status: CompactStatus;
  members: Readonly<Record<string, MemberStatus>>;
}

/** Where a pledge that is not in this pool lives (another resource type or another compact). */
export interface PledgeElsewhere {
  stateCode: string;
  compactId: string;
  resourceType: string;
}

export type MakePledge = Command<
  'MakePledge',
  { pledgeId: string; compactId: string; resourceType: string; unit: string; quantityHundredths: number; note?: string; compact: MembershipFacts }
>;
export type MakeRequest = Command<
  'MakeRequest',
  {
    requestId: string;
    compactId: string;
    resourceType: string;
    unit: string;
    quantityHundredths: number;
    justification: string;
    neededBy?: string;
    compact: MembershipFacts;
  }
>;
export type MakeOffer = Command<
  'MakeOffer',
  {
    offerId: string;
    requestId: string;
    pledgeId: string;
    quantityHundredths: number;
    costEstimate?: MoneyCents;
    terms?: string;
    compact: MembershipFacts;
    pledgeElsewhere?: PledgeElsewhere;
  }
>;
export type AcceptOffer = Command<'AcceptOffer', { offerId: string; compact: MembershipFacts }>;
export type DeclineOffer = Command<'DeclineOffer', { offerId: string; reason?: string }>;
export type WithdrawOffer = Command<'WithdrawOffer', { offerId: string }>;
export type ConfirmReceipt = Command<'ConfirmReceipt', { offerId: string }>;
export type ClaimReimbursement = Command<
  'ClaimReimbursement',
  { reimbursementId: string; offerId: string; amountCents: number; currency: 'USD'; categoriesCents: CategoryCents }
>;
export type ApproveReimbursement = Command<'ApproveReimbursement', { reimbursementId: string }>;
export type PayReimbursement = Command<'PayReimbursement', { reimbursementId: string }>;
export type WithdrawPledge = Command<'WithdrawPledge', { pledgeId: string }>;
export type CancelRequest = Command<'CancelRequest', { requestId: string }>;

export type ResourcePoolCommand =
  | MakePledge
  | MakeRequest
  | MakeOffer
  | AcceptOffer
  | DeclineOffer
  | WithdrawOffer
  | ConfirmReceipt
  | ClaimReimbursement
  | ApproveReimbursement
  | PayReimbursement
  | WithdrawPledge
  | CancelRequest;
