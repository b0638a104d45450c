import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found">Page not found</PageTitle>
      <p>
        There is no page at this address. <Link to="/">Go to the home page</Link>.
      </p>
    </>
  );
}
