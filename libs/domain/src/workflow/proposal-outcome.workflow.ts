import { CompactCommand } from '../compact';
import { ProposalClosed, ProposalKind, proposalExists, ProposalState } from '../proposal';

/** The proposal kinds whose outcome needs the proposal itself (the applicant, the amendment). */
export const outcomeNeedsProposal = (kind: ProposalKind): boolean => kind === 'admission' || kind === 'amendment';

/**
 * What a closed proposal decided, as the commands to send to its compact (Emmett's workflow
 * shape: an input event and the state it needs in, commands out). A passed admission admits
 * the applicant and a failed one ends the application; a passed amendment replaces the charter
 * and/or voting rule; a passed dissolution dissolves the compact; a resolution changes nothing.
 */
export function proposalOutcome({ data }: ProposalClosed, proposal: ProposalState): CompactCommand[] {
  const passed = data.outcome === 'passed';
  const { proposalId } = data;
  switch (data.kind) {
    case 'admission': {
      if (!proposalExists(proposal) || !proposal.applicantState) return [];
      const outcome = { stateCode: proposal.applicantState, proposalId };
      return [passed ? { type: 'AdmitMember', data: outcome } : { type: 'RejectApplication', data: outcome }];
    }
    case 'amendment':
      if (!passed || !proposalExists(proposal) || !proposal.amendment) return [];
      return [{ type: 'AmendCompact', data: { proposalId, ...proposal.amendment } }];
    case 'dissolution':
      return passed ? [{ type: 'DissolveCompact', data: { proposalId } }] : [];
    case 'resolution':
      return [];
  }
}
