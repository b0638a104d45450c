import { VotingRule } from '../compact';
import { DomainEvent } from '../shared';

export const PROPOSAL_KINDS = ['resolution', 'amendment', 'dissolution', 'admission'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A state entitled to vote, with the weight it carried when the proposal opened. */
export interface ElectorateSeat {
  stateCode: string;
  weight: number;
}

/** What a passed amendment changes: the charter text, the voting rule, or both. */
export interface Amendment {
  charterText?: string;
  votingRule?: VotingRule;
}

export interface Tally {
  /** Sums of the weights of the states whose latest vote is that choice. */
  yes: number;
  no: number;
  abstain: number;
  /** Weight that voted (abstentions included) over the electorate's weight. */
  participation: number;
  quorumMet: boolean;
  thresholdMet: boolean;
}

export type ProposalOutcome = 'passed' | 'failed';

/**
 * What a proposal puts to the vote, as its proposer states it. Type aliases, not interfaces,
 * so event data built from them stays plain JSON to the event store.
 */
export type ProposalTerms = {
  proposalId: string;
  compactId: string;
  kind: ProposalKind;
  title: string;
  text: string;
  closesAt: string;
  /** The proposing state; for an admission, the applicant. */
  proposedBy: string;
  applicantState?: string;
  amendment?: Amendment;
};

/** The terms with what opening froze: the rule, the electorate and its weights. */
export type OpenedProposal = ProposalTerms & {
  votingRule: VotingRule;
  electorate: ElectorateSeat[];
  openedAt: string;
};

/**
 * Self-describing for the audit: the electorate, its weights and the rule are frozen here,
 * so a decision can be recomputed from the proposal's own events alone.
 */
export type ProposalOpened = DomainEvent<'ProposalOpened', OpenedProposal>;
/** Every vote is kept; a state's later vote replaces its earlier one in the tally only. */
export type VoteCast = DomainEvent<
  'VoteCast',
  { proposalId: string; compactId: string; stateCode: string; choice: VoteChoice; castAt: string; castBy: string }
>;
export type ProposalClosed = DomainEvent<
  'ProposalClosed',
  {
    proposalId: string;
    compactId: string;
    kind: ProposalKind;
    outcome: ProposalOutcome;
    tally: Tally;
    closedAt: string;
    /** `all-voted`: the last electorate state voted; `closes-at`: the voting period ended. */
    reason: 'all-voted' | 'closes-at';
  }
>;

export type ProposalEvent = ProposalOpened | VoteCast | ProposalClosed;

export const PROPOSAL_EVENT_TYPES: readonly ProposalEvent['type'][] = ['ProposalOpened', 'VoteCast', 'ProposalClosed'];
