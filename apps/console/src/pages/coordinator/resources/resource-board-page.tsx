import { PageTitle } from '../../../components/page-title';

export default function ResourceBoardPage() {
  return <PageTitle title="ResourceBoardPage">ResourceBoardPage</PageTitle>;
}
