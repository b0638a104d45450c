import { ConflictError, Duplicate, InvalidError, NotFoundError } from '../shared';

export class LegalActionNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(legalActionId: string) {
    super(`Legal action ${legalActionId} does not exist`);
  }
}

export class LegalActionAlreadyOpened extends Duplicate {
  constructor(legalActionId: string) {
    super(`Legal action ${legalActionId} already exists`);
  }
}

/** A deadline that has already passed could never be signed before; the request itself is wrong. */
export class SignOnDeadlineNotInFuture extends InvalidError {
  readonly code = 'VALIDATION_FAILED';
  constructor(signOnDeadline: string) {
    super(`signOnDeadline ${signOnDeadline} must be in the future`);
  }
}

export class AlreadySigned extends ConflictError {
  readonly code = 'ALREADY_SIGNED';
  constructor(stateCode: string) {
    super(`${stateCode} has already signed this legal action`);
  }
}

export class DeadlinePassed extends ConflictError {
  readonly code = 'DEADLINE_PASSED';
  constructor(signOnDeadline: string) {
    super(`The sign-on deadline (${signOnDeadline}) has passed`);
  }
}

export class ActionFiled extends ConflictError {
  readonly code = 'ACTION_FILED';
  constructor(detail = 'The legal action has been filed; its signatories are frozen') {
    super(detail);
  }
}

export class ActionNotFiled extends ConflictError {
  readonly code = 'ACTION_NOT_FILED';
}

export class ActionClosed extends ConflictError {
  readonly code = 'ACTION_CLOSED';
  constructor() {
    super('The legal action is closed and accepts no more changes');
  }
}

export class LeadCannotWithdraw extends ConflictError {
  readonly code = 'LEAD_CANNOT_WITHDRAW';
  constructor(stateCode: string) {
    super(`${stateCode} leads this legal action and cannot withdraw its signature`);
  }
}

export class NotASignatory extends ConflictError {
  readonly code = 'NOT_A_SIGNATORY';
  constructor(stateCode: string) {
    super(`${stateCode} is not a signatory of this legal action`);
  }
}

/** The worker asked to lock the sign-on list before its deadline (clock skew); it retries later. */
export class SignOnStillOpen extends ConflictError {
  readonly code = 'SIGN_ON_OPEN';
  constructor(signOnDeadline: string) {
    super(`The sign-on deadline (${signOnDeadline}) has not passed yet`);
  }
}
