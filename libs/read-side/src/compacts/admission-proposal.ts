import { compactDecider, CompactEvent, compactExists, OpenProposal } from '@coalition/domain';
import { CompactFacts } from './compact-facts';

export const ADMISSION_VOTING_DAYS = 7;

export interface Application {
  compactId: string;
  stateCode: string;
  proposalId: string;
  closesAt: string;
}

/**
 * The admission proposal for an application, with its electorate facts. `applying` are the
 * compact's events decided in the same append but not yet stored (the application itself, when
 * the join request records both at once): the proposal is decided on the compact they make.
 */
export async function admissionProposal(facts: CompactFacts, application: Application, applying: readonly CompactEvent[] = []): Promise<OpenProposal> {
  const { compact: stored, populations } = await facts.forProposal(application.compactId);
  const compact = applying.reduce(compactDecider.evolve, stored);
  const title = compactExists(compact) ? compact.title : application.compactId;
  return {
    type: 'OpenProposal',
    data: {
      proposalId: application.proposalId,
      compactId: application.compactId,
      kind: 'admission',
      title: `Admission of ${application.stateCode} to ${title}`,
      text: `Shall ${application.stateCode} be admitted as a member of ${title}? If admitted, it may then ratify the compact.`,
      closesAt: application.closesAt,
      proposedBy: application.stateCode,
      applicantState: application.stateCode,
      compact,
      populations,
    },
  };
}
