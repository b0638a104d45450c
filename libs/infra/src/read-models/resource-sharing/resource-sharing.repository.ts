import { CategoryCents, fromHundredths, resourcePoolStreamId } from '@coalition/domain';
import { Database } from '../../database/database';

// The API shows decimals; rows hold integer hundredths (quantities) and cents (money).
const decimal = (value: unknown): number => fromHundredths(Number(value));
const iso = (value: unknown): string | undefined => (value == null ? undefined : new Date(value as string).toISOString());

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

    const pools = new Map<string, { resourceType: string; unit: string; pledged: number; reserved: number; requested: number; accepted: number }>();
    const states = new Map<string, { stateCode: string; resourceType: string; unit: string; pledged: number; given: number; received: number }>();
    const pool = (row: Row) => {
      const key = `${row.resource_type}\u0000${row.unit}`;
      let entry = pools.get(key);
      if (!entry) pools.set(key, (entry = { resourceType: String(row.resource_type), unit: String(row.unit), pledged: 0, reserved: 0, requested: 0, accepted: 0 }));
      return entry;
    };
    const ledger = (row: Row) => {
      const key = `${row.state_code}\u0000${row.resource_type}\u0000${row.unit}`;
      let entry = states.get(key);
      if (!entry) {
        states.set(key, (entry = { stateCode: String(row.state_code), resourceType: String(row.resource_type), unit: String(row.unit), pledged: 0, given: 0, received: 0 }));
      }
      return entry;
    };
    for (const row of pledges) {
      const entry = pool(row);
      entry.pledged += Number(row.pledged);
      entry.reserved += Number(row.reserved);
      ledger(row).pledged += Number(row.pledged);
    }
    for (const row of requests) {
      const entry = pool(row);
      entry.requested += Number(row.requested);
      entry.accepted += Number(row.accepted);
      ledger(row);
    }
    for (const row of given) ledger(row).given += Number(row.quantity);
    for (const row of received) ledger(row).received += Number(row.quantity);

    const byKey = <T>(entries: Map<string, T>) => [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
    return {
      pools: byKey(pools).map((p) => ({
        resourceType: p.resourceType,
        unit: p.unit,
        pledged: fromHundredths(p.pledged),
        reserved: fromHundredths(p.reserved),
        available: fromHundredths(p.pledged - p.reserved),
        requested: fromHundredths(p.requested),
        accepted: fromHundredths(p.accepted),
        outstanding: fromHundredths(p.requested - p.accepted),
      })),
      states: byKey(states).map((s) => ({
        stateCode: s.stateCode,
        resourceType: s.resourceType,
        unit: s.unit,
        pledged: fromHundredths(s.pledged),
        given: fromHundredths(s.given),
        received: fromHundredths(s.received),
      })),
    };
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
