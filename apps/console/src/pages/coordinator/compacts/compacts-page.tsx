import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useSession } from '../../../session/session';
import { compactsQuery } from '../queries';

export default function CompactsPage() {
  const session = useSession();
  const compacts = useQuery(compactsQuery());
  return (
    <>
      <PageTitle title="Compacts">Compacts</PageTitle>
      {session.has('coordinator') && (
        <p>
          <Link className="usa-button" to="/compacts/new">
            Draft a compact
          </Link>
        </p>
      )}
      <QueryState query={compacts} what="compacts">
        {(rows) => (
          <PagedTable
            caption="Every compact"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No compacts yet."
            columns={[
              { header: 'Title', cell: (row) => <Link to={`/compacts/${row.id}`}>{row.title}</Link> },
              { header: 'Status', cell: (row) => row.status },
              { header: 'Members', cell: (row) => row.memberCount },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
