import { ConflictError, Duplicate, InvalidCommand, NotFoundError } from '../shared';

export class ProposalNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('No such proposal');
  }
}

export class ProposalAlreadyOpened extends Duplicate {
  constructor(proposalId: string) {
    super(`Proposal ${proposalId} already exists`);
  }
}

export class InvalidProposal extends InvalidCommand {}

/** Voting on, or closing, a proposal that has closed (or whose voting period has ended). */
export class ProposalAlreadyClosed extends ConflictError {
  readonly code = 'PROPOSAL_CLOSED';
}

/** Closing before `closesAt` while some electorate state has not voted. */
export class ProposalStillOpen extends ConflictError {
  readonly code = 'PROPOSAL_STILL_OPEN';
  constructor(closesAt: string) {
    super(`The proposal is open until ${closesAt} or until every electorate state has voted`);
  }
}

export class NotInElectorate extends ConflictError {
  readonly code = 'NOT_IN_ELECTORATE';
  constructor(stateCode: string) {
    super(`${stateCode} is not in this proposal's electorate (the compact's ratified states when it opened)`);
  }
}
