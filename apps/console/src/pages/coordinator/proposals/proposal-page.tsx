import { PageTitle } from '../../../components/page-title';

export default function ProposalPage() {
  return <PageTitle title="ProposalPage">ProposalPage</PageTitle>;
}
