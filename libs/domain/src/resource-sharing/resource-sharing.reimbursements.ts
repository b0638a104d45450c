import { Actor } from '../shared';
import { ApproveReimbursement, ClaimReimbursement, PayReimbursement } from './resource-sharing.commands';
import { OfferNotAccepted, ReimbursementNotApproved } from './resource-sharing.errors';
import { ResourcePoolEvent } from './resource-sharing.events';
import { ReimbursementState, ResourcePoolState } from './resource-sharing.state';
import { actFor, offerOf, reimbursementOf, requireCategoriesSum, requirePositive } from './resource-sharing.rules';

/** The deciders of a reimbursement: the offering state claims it, the requesting state approves and pays. */

export function claimReimbursement(command: ClaimReimbursement, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const { reimbursementId, offerId, amountCents, currency, categoriesCents } = command.data;
  const offer = offerOf(state, offerId);
  actFor(actor, offer.stateCode, 'Only the offering state claims reimbursement');
  if (offer.status !== 'accepted' && offer.status !== 'received') {
    throw new OfferNotAccepted(`Offer ${offer.id} is ${offer.status}; reimbursement follows acceptance`);
  }
  requirePositive(amountCents, 'amount');
  requireCategoriesSum(categoriesCents, amountCents);
  const { compactId, stateCode, requestingState: payerState } = offer;
  return [{ type: 'ReimbursementClaimed', data: { reimbursementId, offerId, compactId, stateCode, payerState, amountCents, currency, categoriesCents } }];
}

export function approveReimbursement(command: ApproveReimbursement, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const reimbursement = reimbursementOf(state, command.data.reimbursementId);
  actFor(actor, reimbursement.payerState, 'Only the requesting state approves a reimbursement');
  if (reimbursement.status !== 'claimed') return [];
  return [{ type: 'ReimbursementApproved', data: settlementOf(reimbursement) }];
}

export function payReimbursement(command: PayReimbursement, state: ResourcePoolState, actor: Actor): ResourcePoolEvent[] {
  const reimbursement = reimbursementOf(state, command.data.reimbursementId);
  actFor(actor, reimbursement.payerState, 'Only the requesting state pays a reimbursement');
  if (reimbursement.status === 'paid') return [];
  if (reimbursement.status !== 'approved') throw new ReimbursementNotApproved(`Reimbursement ${reimbursement.id} must be approved before it is paid`);
  return [{ type: 'ReimbursementPaid', data: settlementOf(reimbursement) }];
}

/** Approval and payment are recorded by the payer against the same reimbursement facts. */
const settlementOf = ({ id: reimbursementId, offerId, compactId, payerState: stateCode }: ReimbursementState) => ({ reimbursementId, offerId, compactId, stateCode });
