import { OfferDeclined, OfferWithdrawn, RESOURCE_POOL_EVENT_TYPES, ResourcePoolEvent } from '@coalition/domain';
import { Queryable } from '@coalition/platform';
import { TOPICS } from '@coalition/event-store';
import { EventHandlers, handleEvent } from '../../projections/event-handlers';
import { Projection, projectionOf } from '../../projections/projection';

/** A declined or withdrawn offer closes and hands its reserved quantity back to the pledge. */
async function closeOffer(event: OfferDeclined | OfferWithdrawn, tx: Queryable, at: string) {
  const d = event.data;
  const status = event.type === 'OfferDeclined' ? 'declined' : 'withdrawn';
  const reason = event.type === 'OfferDeclined' ? (event.data.reason ?? null) : null;
  await tx.query(`UPDATE rm_resource_offers SET status = $2, closed_at = $3, decline_reason = $4 WHERE id = $1`, [d.offerId, status, at, reason]);
  await tx.query(`UPDATE rm_resource_pledges SET reserved = reserved - $2 WHERE id = $1`, [d.pledgeId, d.quantityHundredths]);
}

const handlers: EventHandlers<ResourcePoolEvent> = {
  PledgeMade: ({ data: d, recordedAt: at }, tx) =>
    tx.query(
      `INSERT INTO rm_resource_pledges (id, compact_id, state_code, resource_type, unit, quantity, status, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) ON CONFLICT (id) DO NOTHING`,
      [d.pledgeId, d.compactId, d.stateCode, d.resourceType, d.unit, d.quantityHundredths, d.note ?? null, at],
    ),
  PledgeWithdrawn: ({ data, recordedAt: at }, tx) =>
    tx.query(`UPDATE rm_resource_pledges SET status = 'withdrawn', withdrawn_at = $2 WHERE id = $1`, [data.pledgeId, at]),
  RequestMade: ({ data: d, recordedAt: at }, tx) =>
    tx.query(
      `INSERT INTO rm_resource_requests (id, compact_id, state_code, resource_type, unit, quantity, status, justification, needed_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [d.requestId, d.compactId, d.stateCode, d.resourceType, d.unit, d.quantityHundredths, d.justification, d.neededBy ?? null, at],
    ),
  RequestCancelled: ({ data, recordedAt: at }, tx) =>
    tx.query(`UPDATE rm_resource_requests SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [data.requestId, at]),
  async OfferMade({ data: d, recordedAt: at }, tx) {
    await tx.query(
      `INSERT INTO rm_resource_offers (id, compact_id, request_id, pledge_id, state_code, requesting_state, resource_type, unit, quantity,
         status, cost_estimate_cents, cost_currency, terms, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'offered', $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
      [
        d.offerId, d.compactId, d.requestId, d.pledgeId, d.stateCode, d.requestingState, d.resourceType, d.unit, d.quantityHundredths,
        d.costEstimate?.amountCents ?? null, d.costEstimate?.currency ?? null, d.terms ?? null, at,
      ],
    );
    await tx.query(`UPDATE rm_resource_pledges SET reserved = reserved + $2 WHERE id = $1`, [d.pledgeId, d.quantityHundredths]);
  },
  async OfferAccepted({ data: d, recordedAt: at }, tx) {
    await tx.query(`UPDATE rm_resource_offers SET status = 'accepted', accepted_at = $2 WHERE id = $1`, [d.offerId, at]);
    await tx.query(`UPDATE rm_resource_requests SET accepted = accepted + $2 WHERE id = $1`, [d.requestId, d.quantityHundredths]);
  },
  OfferDeclined: (event, tx) => closeOffer(event, tx, event.recordedAt),
  OfferWithdrawn: (event, tx) => closeOffer(event, tx, event.recordedAt),
  OfferReceived: ({ data, recordedAt: at }, tx) =>
    tx.query(`UPDATE rm_resource_offers SET status = 'received', received_at = $2 WHERE id = $1`, [data.offerId, at]),
  ReimbursementClaimed: ({ data: d, recordedAt: at }, tx) =>
    tx.query(
      `INSERT INTO rm_resource_reimbursements (id, offer_id, compact_id, state_code, payer_state, amount_cents, currency, categories, status, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'claimed', $9) ON CONFLICT (id) DO NOTHING`,
      [d.reimbursementId, d.offerId, d.compactId, d.stateCode, d.payerState, d.amountCents, d.currency, JSON.stringify(d.categoriesCents), at],
    ),
  ReimbursementApproved: ({ data, recordedAt: at }, tx) =>
    tx.query(`UPDATE rm_resource_reimbursements SET status = 'approved', approved_at = $2 WHERE id = $1`, [data.reimbursementId, at]),
  ReimbursementPaid: ({ data, recordedAt: at }, tx) =>
    tx.query(`UPDATE rm_resource_reimbursements SET status = 'paid', paid_at = $2 WHERE id = $1`, [data.reimbursementId, at]),
};

/**
 * Pledges, requests, offers and reimbursements, in integer hundredths and cents like the
 * events. Every row comes from one pool stream, whose events share a Kafka partition, so they
 * arrive in order; the runner's checkpoint makes each increment happen exactly once.
 */
export const resourceSharingProjection: Projection = projectionOf<ResourcePoolEvent>({
  name: 'resource-sharing',
  topic: TOPICS.events,
  tables: ['rm_resource_pledges', 'rm_resource_requests', 'rm_resource_offers', 'rm_resource_reimbursements'],
  eventTypes: RESOURCE_POOL_EVENT_TYPES,
  apply: (event, tx) => handleEvent(handlers, event, tx),
});
