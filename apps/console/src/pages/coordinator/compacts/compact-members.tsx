import type { Compact } from '../../../api/types';
import { DateTime } from '../../../components/date-time';
import { StatusTag } from '../../../components/status-tag';
import { TableSection } from '../../../components/table-section';

export function Members({ compact }: { compact: Compact }) {
  return (
    <TableSection
      id="members"
      heading="Members"
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
  );
}
