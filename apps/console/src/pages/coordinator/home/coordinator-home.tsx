import { PageTitle } from '../../../components/page-title';

export default function CoordinatorHome({ stateCode }: { stateCode: string }) {
  return <PageTitle title="Home">What needs {stateCode}</PageTitle>;
}
