import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { PagedTable } from '../../../components/paged-table';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { proposalsQuery } from '../queries';

export function Proposals({ compactId }: { compactId: string }) {
  const proposals = useQuery(proposalsQuery(compactId));
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposals</h2>
      <QueryState query={proposals} what="proposals">
        {(rows) => (
          <PagedTable
            caption="Proposals, newest first"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No proposals yet."
            columns={[
              { header: 'Title', cell: (row) => <Link to={`/proposals/${row.id}`}>{row.title}</Link> },
              { header: 'Kind', cell: (row) => row.kind },
              { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
              { header: 'Closes', cell: (row) => <DateTime value={row.closedAt ?? row.closesAt} /> },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
