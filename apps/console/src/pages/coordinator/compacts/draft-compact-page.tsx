import { PageTitle } from '../../../components/page-title';

export default function DraftCompactPage() {
  return <PageTitle title="DraftCompactPage">DraftCompactPage</PageTitle>;
}
