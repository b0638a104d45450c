import { fromHundredths, resourcePoolStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { tallyCompactResources } from './compact-resources';
import { CompactResourcesView, Money, OfferStatusView, OfferView, PledgeView, ReimbursementView, RequestView } from './resource-sharing.views';

export * from './resource-sharing.views';

// The API shows decimals; rows hold integer hundredths (quantities) and cents (money).
const decimal = (value: unknown): number => fromHundredths(Number(value));
const iso = (value: unknown): string | undefined => (value == null ? undefined : new Date(value as string).toISOString());

type Row = Record<string, unknown>;
const poolStreamOf = (row: Row): string => resourcePoolStreamId(String(row.compact_id), String(row.resource_type));
const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value == null ? {} : ({ [key]: value } as Record<K, V>);
const money = (cents: unknown, currency: unknown): Money | undefined =>
  cents == null ? undefined : { amount: decimal(cents), currency: (currency as 'USD') ?? 'USD' };

/**
 * A withdrawn pledge keeps only what offers hold, and a cancelled request only what was
 * accepted: those are the quantities the pool and ledger count as pledged and requested.
 */
const EFFECTIVE_PLEDGE = `CASE WHEN status = 'open' THEN quantity ELSE reserved END`;
const EFFECTIVE_REQUEST = `CASE WHEN status = 'open' THEN quantity ELSE accepted END`;

export class ResourceSharingRepository {
  constructor(private readonly db: Database) {}

  async pledge(id: string): Promise<PledgeView | undefined> {
    const [row] = await this.db.query<Row>(`SELECT * FROM rm_resource_pledges WHERE id = $1`, [id]);
    return row ? this.toPledge(row) : undefined;
  }

  /** A compact's pledges, oldest first. */
  async compactPledges(compactId: string): Promise<PledgeView[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM rm_resource_pledges WHERE compact_id = $1 ORDER BY created_at, id`, [compactId]);
    return rows.map((row) => this.toPledge(row));
  }

  private toPledge(row: Row): PledgeView {
    const open = row.status === 'open';
    const quantity = Number(row.quantity);
    const reserved = Number(row.reserved);
    return {
      id: String(row.id),
      compactId: String(row.compact_id),
      stateCode: String(row.state_code),
      resourceType: String(row.resource_type),
      unit: String(row.unit),
      quantity: fromHundredths(quantity),
      reserved: fromHundredths(reserved),
      remaining: fromHundredths(open ? quantity - reserved : 0),
      withdrawn: fromHundredths(open ? 0 : quantity - reserved),
      status: open ? 'open' : 'withdrawn',
      ...optional('note', row.note as string | null),
      createdAt: iso(row.created_at) as string,
      streamId: poolStreamOf(row),
    };
  }

  async request(id: string): Promise<RequestView | undefined> {
    const [row] = await this.db.query<Row>(`SELECT * FROM rm_resource_requests WHERE id = $1`, [id]);
    if (!row) return undefined;
    const offers = await this.db.query<Row>(
      `SELECT id, pledge_id, state_code, quantity, status, cost_estimate_cents, cost_currency FROM rm_resource_offers WHERE request_id = $1 ORDER BY created_at, id`,
      [id],
    );
    return this.toRequest(row, offers);
  }

  /** A compact's requests with the offers made on each, oldest first. */
  async compactRequests(compactId: string): Promise<RequestView[]> {
    const [rows, offers] = await Promise.all([
      this.db.query<Row>(`SELECT * FROM rm_resource_requests WHERE compact_id = $1 ORDER BY created_at, id`, [compactId]),
      this.db.query<Row>(
        `SELECT id, request_id, pledge_id, state_code, quantity, status, cost_estimate_cents, cost_currency FROM rm_resource_offers WHERE compact_id = $1 ORDER BY created_at, id`,
        [compactId],
      ),
    ]);
    const byRequest = new Map<string, Row[]>();
    for (const offer of offers) byRequest.set(String(offer.request_id), [...(byRequest.get(String(offer.request_id)) ?? []), offer]);
    return rows.map((row) => this.toRequest(row, byRequest.get(String(row.id)) ?? []));
  }

  private toRequest(row: Row, offers: Row[]): RequestView {
    const quantity = Number(row.quantity);
    const accepted = Number(row.accepted);
    const status = row.status === 'cancelled' ? 'cancelled' : accepted >= quantity ? 'fulfilled' : 'open';
    return {
      id: String(row.id),
      compactId: String(row.compact_id),
      stateCode: String(row.state_code),
      resourceType: String(row.resource_type),
      unit: String(row.unit),
      quantity: fromHundredths(quantity),
      accepted: fromHundredths(accepted),
      outstanding: fromHundredths(status === 'open' ? quantity - accepted : 0),
      status,
      justification: String(row.justification),
      ...optional('neededBy', row.needed_by as string | null),
      createdAt: iso(row.created_at) as string,
      offers: offers.map((offer) => ({
        id: String(offer.id),
        pledgeId: String(offer.pledge_id),
        stateCode: String(offer.state_code),
        quantity: decimal(offer.quantity),
        status: offer.status as OfferStatusView,
        ...optional('costEstimate', money(offer.cost_estimate_cents, offer.cost_currency)),
      })),
      streamId: poolStreamOf(row),
    };
  }

  async offer(id: string): Promise<OfferView | undefined> {
    const [row] = await this.db.query<Row>(`SELECT * FROM rm_resource_offers WHERE id = $1`, [id]);
    if (!row) return undefined;
    const reimbursements = await this.db.query<Row>(`SELECT * FROM rm_resource_reimbursements WHERE offer_id = $1 ORDER BY claimed_at, id`, [id]);
    return {
      id: String(row.id),
      compactId: String(row.compact_id),
      requestId: String(row.request_id),
      pledgeId: String(row.pledge_id),
      stateCode: String(row.state_code),
      requestingState: String(row.requesting_state),
      resourceType: String(row.resource_type),
      unit: String(row.unit),
      quantity: decimal(row.quantity),
      status: row.status as OfferStatusView,
      ...optional('costEstimate', money(row.cost_estimate_cents, row.cost_currency)),
      ...optional('terms', row.terms as string | null),
      ...optional('declineReason', row.decline_reason as string | null),
      createdAt: iso(row.created_at) as string,
      ...optional('acceptedAt', iso(row.accepted_at)),
      ...optional('receivedAt', iso(row.received_at)),
      reimbursements: reimbursements.map(toReimbursement),
      streamId: poolStreamOf(row),
    };
  }

  async compactResources(compactId: string): Promise<CompactResourcesView> {
    const [pledges, requests, given, received] = await Promise.all([
      this.db.query<Row>(
        `SELECT state_code, resource_type, unit, sum(${EFFECTIVE_PLEDGE}) AS pledged, sum(reserved) AS reserved
         FROM rm_resource_pledges WHERE compact_id = $1 GROUP BY state_code, resource_type, unit`,
        [compactId],
      ),
      this.db.query<Row>(
        `SELECT state_code, resource_type, unit, sum(${EFFECTIVE_REQUEST}) AS requested, sum(accepted) AS accepted
         FROM rm_resource_requests WHERE compact_id = $1 GROUP BY state_code, resource_type, unit`,
        [compactId],
      ),
      this.agreed(compactId, 'state_code'),
      this.agreed(compactId, 'requesting_state'),
    ]);

    return tallyCompactResources({ pledges, requests, given, received });
  }

  /** Accepted offers (received ones included) summed per state on one side of the agreement. */
  private agreed(compactId: string, side: 'state_code' | 'requesting_state'): Promise<Row[]> {
    return this.db.query<Row>(
      `SELECT ${side} AS state_code, resource_type, unit, sum(quantity) AS quantity FROM rm_resource_offers
       WHERE compact_id = $1 AND status IN ('accepted', 'received') GROUP BY ${side}, resource_type, unit`,
      [compactId],
    );
  }
}

function toReimbursement(row: Row): ReimbursementView {
  const categories = Object.fromEntries(
    Object.entries((row.categories ?? {}) as Record<string, number>).map(([category, cents]) => [category, fromHundredths(cents)]),
  );
  return {
    id: String(row.id),
    offerId: String(row.offer_id),
    stateCode: String(row.state_code),
    payerState: String(row.payer_state),
    amount: decimal(row.amount_cents),
    currency: String(row.currency) as 'USD',
    categories,
    status: row.status as ReimbursementView['status'],
    claimedAt: iso(row.claimed_at) as string,
    ...optional('approvedAt', iso(row.approved_at)),
    ...optional('paidAt', iso(row.paid_at)),
  };
}
