import { ConflictError, InvalidError, NotFoundError } from '../shared';

export type PoolEntity = 'pledge' | 'request' | 'offer' | 'reimbursement';

export class PoolEntityNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(entity: PoolEntity, id: string) {
    super(`No ${entity} ${id} in this resource pool`);
  }
}

/** The offer asks for more than the pledge's unreserved remainder. */
export class InsufficientPledge extends ConflictError {
  readonly code = 'INSUFFICIENT_PLEDGE';
}

/** Accepting would take the request's accepted quantity past its quantity. */
export class ExceedsRequest extends ConflictError {
  readonly code = 'EXCEEDS_REQUEST';
}

/** The pledge is of another resource type, unit or compact than the request. */
export class ResourceMismatch extends ConflictError {
  readonly code = 'RESOURCE_MISMATCH';
}

/** A state cannot answer its own request from its own pledge. */
export class SelfFulfilment extends ConflictError {
  readonly code = 'SELF_FULFILMENT';
}

/** The request is cancelled or already fully met. */
export class RequestClosed extends ConflictError {
  readonly code = 'REQUEST_CLOSED';
}

/** Only an open offer can be accepted, declined or withdrawn. */
export class OfferNotOpen extends ConflictError {
  readonly code = 'OFFER_NOT_OPEN';
}

/** Receipt and reimbursement come after acceptance. */
export class OfferNotAccepted extends ConflictError {
  readonly code = 'OFFER_NOT_ACCEPTED';
}

export class ReimbursementNotApproved extends ConflictError {
  readonly code = 'REIMBURSEMENT_NOT_APPROVED';
}

/** A reimbursement's categories must add up, to the cent, to its amount. */
export class CategoriesDoNotSum extends InvalidError {
  readonly code = 'CATEGORIES_DO_NOT_SUM';
}
