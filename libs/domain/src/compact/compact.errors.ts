import { ConflictError, Duplicate, InvalidCommand, NotFoundError } from '../shared';

export class CompactNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(compactId?: string) {
    super(compactId ? `Compact ${compactId} does not exist` : 'No such compact');
  }
}

export class CompactAlreadyDrafted extends Duplicate {
  constructor(compactId: string) {
    super(`Compact ${compactId} already exists`);
  }
}

export class InvalidCompact extends InvalidCommand {}

/** Joining and proposing need an active compact; a draft has too few ratifications, a dissolved one is over. */
export class CompactNotActive extends ConflictError {
  readonly code = 'COMPACT_NOT_ACTIVE';
}

/** Ratifying or withdrawing from a compact that has been dissolved. */
export class CompactIsDissolved extends ConflictError {
  readonly code = 'COMPACT_DISSOLVED';
  constructor(compactId: string) {
    super(`Compact ${compactId} has been dissolved`);
  }
}

export class AlreadyMember extends ConflictError {
  readonly code = 'ALREADY_MEMBER';
  constructor(stateCode: string, status: string) {
    super(`${stateCode} is already a member of this compact (${status})`);
  }
}

/** A state with an admission vote under way applies again. */
export class AlreadyApplied extends ConflictError {
  readonly code = 'ALREADY_APPLIED';
  constructor(stateCode: string, proposalId: string | undefined) {
    super(`${stateCode} has already applied; its admission proposal ${proposalId ?? ''} is open`.trim());
  }
}

export class NotAMember extends ConflictError {
  readonly code = 'NOT_A_MEMBER';
  constructor(stateCode: string, detail = 'is not a member of this compact') {
    super(`${stateCode} ${detail}`);
  }
}

/** An admitted (or withdrawing) member does what only a ratified member may. */
export class NotRatified extends ConflictError {
  readonly code = 'NOT_RATIFIED';
  constructor(stateCode: string, status: string) {
    super(`${stateCode} has not ratified this compact (it is ${status})`);
  }
}

export class AlreadyRatified extends ConflictError {
  readonly code = 'ALREADY_RATIFIED';
  constructor(stateCode: string) {
    super(`${stateCode} has already ratified this compact`);
  }
}

export class AlreadyWithdrawing extends ConflictError {
  readonly code = 'ALREADY_WITHDRAWING';
  constructor(stateCode: string, effectiveAt: string | undefined) {
    super(`${stateCode} is already withdrawing, effective ${effectiveAt ?? 'soon'}`);
  }
}

/** The deadline fired before the notice period ended (clock skew): the scheduler retries. */
export class WithdrawalNotDue extends ConflictError {
  readonly code = 'WITHDRAWAL_NOT_DUE';
  constructor(stateCode: string, effectiveAt: string) {
    super(`${stateCode}'s withdrawal takes effect at ${effectiveAt}`);
  }
}
