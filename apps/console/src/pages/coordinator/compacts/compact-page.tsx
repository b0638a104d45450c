import { PageTitle } from '../../../components/page-title';

export default function CompactPage() {
  return <PageTitle title="CompactPage">CompactPage</PageTitle>;
}
