import { PageTitle } from '../../components/page-title';
import { AdminNav } from './admin-nav';

export default function AdminPage() {
  return (
    <>
      <PageTitle title="Administration">Administration</PageTitle>
      <AdminNav />
      <ul className="usa-list">
        <li>States: the member states and the populations that weigh population-weighted votes.</li>
        <li>Users: accounts for coordinators, counsel, auditors and administrators.</li>
        <li>API keys: for agency systems, each acting for one state with the scopes it is given.</li>
        <li>Webhooks: where events are delivered, and how each delivery went.</li>
      </ul>
    </>
  );
}
