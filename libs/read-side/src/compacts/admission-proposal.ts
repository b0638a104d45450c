import { compactExists, OpenProposal } from '@coalition/domain';
import { CompactFacts } from './compact-facts';

export const ADMISSION_VOTING_DAYS = 7;

export interface Application {
  compactId: string;
  stateCode: string;
  proposalId: string;
  closesAt: string;
}

/**
 * The admission proposal for an application, with its electorate facts. One place builds it,
 * so the join request and the process manager that repairs an interrupted one open the very
 * same proposal (same id, title and closing time) and the second finds it already open.
 */
export async function admissionProposal(facts: CompactFacts, application: Application): Promise<OpenProposal> {
  const { compact, populations } = await facts.forProposal(application.compactId);
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
