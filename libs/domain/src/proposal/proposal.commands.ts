import { CompactState, CompactStatus } from '../compact';
import { Command } from '../shared';
import { ProposalTerms, VoteChoice } from './proposal.events';

/** The terms' `proposedBy` is the state the caller acts for. */
export type OpenProposal = Command<
  'OpenProposal',
  ProposalTerms & {
    /** The compact as the caller folded it from its stream, to check membership and freeze the electorate. */
    compact: CompactState;
    /** Current populations of the compact's ratified states (member-state streams), for population weights. */
    populations: Readonly<Record<string, number>>;
  }
>;
export type CastVote = Command<
  'CastVote',
  {
    stateCode: string;
    choice: VoteChoice;
    /** The compact's status now: a dissolved compact takes no more votes. */
    compactStatus: CompactStatus | 'none';
  }
>;
export type CloseProposal = Command<'CloseProposal', Record<string, never>>;

export type ProposalCommand = OpenProposal | CastVote | CloseProposal;

export const proposalStreamId = (proposalId: string): string => `proposal-${proposalId}`;
