import type { components } from '@coalition/api-client';
import { TableSection } from '../../../components/table-section';

type CompactResources = components['schemas']['CompactResources'];

/** What the compact holds and needs, one row per resource type and unit. */
export function Pools({ rows }: { rows: CompactResources['pools'] }) {
  return (
    <TableSection
      id="pools"
      heading="Pools"
      caption="One pool per resource type and unit"
      rows={rows}
      rowKey={(row) => `${row.resourceType}/${row.unit}`}
      empty="Nothing pledged or requested yet."
      columns={[
        { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
        { header: 'Pledged', cell: (row) => row.pledged },
        { header: 'Reserved', cell: (row) => row.reserved },
        { header: 'Available', cell: (row) => row.available },
        { header: 'Requested', cell: (row) => row.requested },
        { header: 'Accepted', cell: (row) => row.accepted },
        { header: 'Outstanding', cell: (row) => row.outstanding },
      ]}
    />
  );
}

/** What each state gave and received through accepted offers. */
export function Ledger({ rows }: { rows: CompactResources['states'] }) {
  return (
    <TableSection
      id="ledger"
      heading="Given and received, per state"
      caption="Accepted offers per state and resource"
      rows={rows}
      rowKey={(row) => `${row.stateCode}/${row.resourceType}/${row.unit}`}
      empty="No state has pledged or requested yet."
      columns={[
        { header: 'State', cell: (row) => row.stateCode },
        { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
        { header: 'Pledged', cell: (row) => row.pledged },
        { header: 'Given', cell: (row) => row.given },
        { header: 'Received', cell: (row) => row.received },
      ]}
    />
  );
}
