import { PageTitle } from '../../../components/page-title';

export default function OfferPage() {
  return <PageTitle title="OfferPage">OfferPage</PageTitle>;
}
