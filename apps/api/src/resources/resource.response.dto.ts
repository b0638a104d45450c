import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  CompactResourcesView,
  Money,
  OfferStatusView,
  OfferView,
  PledgeView,
  PoolSummary,
  ReimbursementView,
  RequestOfferView,
  RequestView,
  StateLedgerRow,
} from '@coalition/read-side';

const OFFER_STATUSES: OfferStatusView[] = ['offered', 'accepted', 'declined', 'withdrawn', 'received'];
const STREAM = 'Its stream in the audit log: the resource pool of its compact and resource type (GET /audit/streams/{streamId})';
const QUANTITY = 'In the unit, at most 2 decimal places';

@ApiSchema({ name: 'Money' })
export class MoneyResponse implements Money {
  @ApiProperty({ minimum: 0, example: 18500.5, description: 'At most 2 decimal places' }) amount!: number;
  @ApiProperty({ enum: ['USD'] }) currency!: 'USD';
}

@ApiSchema({ name: 'Pledge' })
export class PledgeResponse implements PledgeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) compactId!: string;
  @ApiProperty({ example: 'WA', description: 'The pledging state' }) stateCode!: string;
  @ApiProperty({ example: 'water-tanker' }) resourceType!: string;
  @ApiProperty({ example: 'each' }) unit!: string;
  @ApiProperty({ minimum: 0, description: QUANTITY }) quantity!: number;
  @ApiProperty({ minimum: 0, description: 'Held by offers that are open or accepted' }) reserved!: number;
  @ApiProperty({ minimum: 0, description: 'Free to offer' }) remaining!: number;
  @ApiProperty({ minimum: 0, description: 'The unreserved remainder taken back by withdrawing the pledge' }) withdrawn!: number;
  @ApiProperty({ enum: ['open', 'withdrawn'] }) status!: 'open' | 'withdrawn';
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: STREAM }) streamId!: string;
}

@ApiSchema({ name: 'RequestOffer', description: 'An offer as its request lists it' })
export class RequestOfferResponse implements RequestOfferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pledgeId!: string;
  @ApiProperty({ example: 'OR', description: 'The offering state' }) stateCode!: string;
  @ApiProperty({ minimum: 0, description: QUANTITY }) quantity!: number;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatusView;
  @ApiPropertyOptional({ type: MoneyResponse }) costEstimate?: MoneyResponse;
}

@ApiSchema({ name: 'Request' })
export class RequestResponse implements RequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) compactId!: string;
  @ApiProperty({ example: 'CA', description: 'The requesting state' }) stateCode!: string;
  @ApiProperty({ example: 'water-tanker' }) resourceType!: string;
  @ApiProperty({ example: 'each' }) unit!: string;
  @ApiProperty({ minimum: 0, description: QUANTITY }) quantity!: number;
  @ApiProperty({ minimum: 0, description: 'Covered by accepted offers' }) accepted!: number;
  @ApiProperty({ minimum: 0, description: 'Still needed (0 once fulfilled or cancelled)' }) outstanding!: number;
  @ApiProperty({ enum: ['open', 'fulfilled', 'cancelled'] }) status!: 'open' | 'fulfilled' | 'cancelled';
  @ApiProperty() justification!: string;
  @ApiPropertyOptional({ example: '2026-08-01', description: 'As the requester gave it: an ISO 8601 date or time' }) neededBy?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [RequestOfferResponse] }) offers!: RequestOfferResponse[];
  @ApiProperty({ description: STREAM }) streamId!: string;
}

@ApiSchema({ name: 'ReimbursementCategories', description: 'USD per category; they sum to the amount' })
export class ReimbursementCategoriesResponse {
  @ApiPropertyOptional({ minimum: 0 }) personnel?: number;
  @ApiPropertyOptional({ minimum: 0 }) travel?: number;
  @ApiPropertyOptional({ minimum: 0 }) equipment?: number;
  @ApiPropertyOptional({ minimum: 0 }) commodities?: number;
  @ApiPropertyOptional({ minimum: 0 }) other?: number;
}

@ApiSchema({ name: 'Reimbursement' })
export class ReimbursementResponse implements ReimbursementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ example: 'OR', description: 'The claiming (offering) state' }) stateCode!: string;
  @ApiProperty({ example: 'CA', description: 'The paying (requesting) state' }) payerState!: string;
  @ApiProperty({ minimum: 0 }) amount!: number;
  @ApiProperty({ enum: ['USD'] }) currency!: 'USD';
  @ApiProperty({ type: ReimbursementCategoriesResponse }) categories!: ReimbursementCategoriesResponse;
  @ApiProperty({ enum: ['claimed', 'approved', 'paid'] }) status!: 'claimed' | 'approved' | 'paid';
  @ApiProperty({ format: 'date-time' }) claimedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) paidAt?: string;
}

@ApiSchema({ name: 'Offer' })
export class OfferResponse implements OfferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) compactId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) pledgeId!: string;
  @ApiProperty({ example: 'OR', description: 'The offering state' }) stateCode!: string;
  @ApiProperty({ example: 'CA' }) requestingState!: string;
  @ApiProperty() resourceType!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ minimum: 0, description: QUANTITY }) quantity!: number;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatusView;
  @ApiPropertyOptional({ type: MoneyResponse }) costEstimate?: MoneyResponse;
  @ApiPropertyOptional() terms?: string;
  @ApiPropertyOptional() declineReason?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) receivedAt?: string;
  @ApiProperty({ type: [ReimbursementResponse] }) reimbursements!: ReimbursementResponse[];
  @ApiProperty({ description: STREAM }) streamId!: string;
}

@ApiSchema({ name: 'PoolSummary', description: 'One resource type and unit in the compact' })
export class PoolSummaryResponse implements PoolSummary {
  @ApiProperty() resourceType!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ minimum: 0 }) pledged!: number;
  @ApiProperty({ minimum: 0 }) reserved!: number;
  @ApiProperty({ minimum: 0 }) available!: number;
  @ApiProperty({ minimum: 0 }) requested!: number;
  @ApiProperty({ minimum: 0 }) accepted!: number;
  @ApiProperty({ minimum: 0 }) outstanding!: number;
}

@ApiSchema({ name: 'StateLedgerRow', description: 'One state and resource; given and received count accepted offers' })
export class StateLedgerRowResponse implements StateLedgerRow {
  @ApiProperty({ example: 'WA' }) stateCode!: string;
  @ApiProperty() resourceType!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ minimum: 0 }) pledged!: number;
  @ApiProperty({ minimum: 0 }) given!: number;
  @ApiProperty({ minimum: 0 }) received!: number;
}

@ApiSchema({ name: 'CompactResources' })
export class CompactResourcesResponse implements CompactResourcesView {
  @ApiProperty({ type: [PoolSummaryResponse] }) pools!: PoolSummaryResponse[];
  @ApiProperty({ type: [StateLedgerRowResponse] }) states!: StateLedgerRowResponse[];
}
