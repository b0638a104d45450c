import { PageTitle } from '../../../components/page-title';

export default function ResourcesPage() {
  return <PageTitle title="ResourcesPage">ResourcesPage</PageTitle>;
}
