import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PagedTable } from '../../../components/paged-table';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { compactsQuery } from '../queries';

export default function ResourcesPage() {
  const compacts = useQuery(compactsQuery());
  return (
    <>
      <PageTitle title="Resources">Resource boards</PageTitle>
      <p>Each compact has its own board of pledges, requests, offers and reimbursements.</p>
      <QueryState query={compacts} what="compacts">
        {(rows) => (
          <PagedTable
            caption="Resource board of each compact"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No compacts yet."
            columns={[
              { header: 'Compact', cell: (row) => <Link to={`/compacts/${row.id}/resources`}>{row.title}</Link> },
              { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
