import type { Compact } from '../../../api/types';
import { DateTime } from '../../../components/date-time';
import { PagedTable } from '../../../components/paged-table';
import { StatusTag } from '../../../components/status-tag';

export function Members({ compact }: { compact: Compact }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <PagedTable
        caption="Member states and their ratification"
        rows={compact.members}
        rowKey={(row) => row.stateCode}
        empty="No members."
        columns={[
          { header: 'State', cell: (row) => row.stateCode },
          { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
          {
            header: 'Ratification',
            cell: (row) => (row.ratification ? `${row.ratification.kind}: ${row.ratification.reference}, enacted ${row.ratification.enactedOn}` : '—'),
          },
          { header: 'Effective', cell: (row) => (row.effectiveAt ? <DateTime value={row.effectiveAt} /> : '—') },
        ]}
      />
    </section>
  );
}
