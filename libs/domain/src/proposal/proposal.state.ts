import { assertNever } from '../shared';
import { OpenedProposal, ProposalEvent, Tally, VoteChoice } from './proposal.events';

export type ProposalStatus = 'open' | 'passed' | 'failed';

export interface CastVoteRecord {
  stateCode: string;
  choice: VoteChoice;
  castAt: string;
  castBy: string;
}

export interface ExistingProposal extends OpenedProposal {
  status: ProposalStatus;
  /** Every vote cast, in order. */
  votes: CastVoteRecord[];
  openedAt: string;
  closedAt?: string;
  /** The tally recorded at closing. */
  tally?: Tally;
}

export type ProposalState = { status: 'none' } | ExistingProposal;

export const initialProposalState = (): ProposalState => ({ status: 'none' });

export const proposalExists = (state: ProposalState): state is ExistingProposal => state.status !== 'none';

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case 'ProposalOpened':
      return { status: 'open', ...event.data, votes: [] };
    case 'VoteCast': {
      if (!proposalExists(state)) return state;
      const { stateCode, choice, castAt, castBy } = event.data;
      return { ...state, votes: [...state.votes, { stateCode, choice, castAt, castBy }] };
    }
    case 'ProposalClosed':
      if (!proposalExists(state)) return state;
      return { ...state, status: event.data.outcome, closedAt: event.data.closedAt, tally: event.data.tally };
    default:
      return assertNever(event);
  }
}
