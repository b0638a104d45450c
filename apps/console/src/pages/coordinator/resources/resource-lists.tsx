import { Button } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { Pledge, ResourceRequest } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime } from '../../../components/date-time';
import { ActionProblem } from '../../../components/problem';
import { StatusTag } from '../../../components/status-tag';
import { TableSection } from '../../../components/table-section';

/** Every pledge of the compact; the state's own open ones can be withdrawn. */
export function Pledges({ pledges, state }: { pledges: Pledge[]; state: string | null }) {
  const withdraw = useCommand((id: string) => unwrap(api.POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id } }, body: {} })));
  return (
    <TableSection
      id="pledges"
      heading="Pledges"
      caption="Standing offers of capacity"
      rows={pledges}
      rowKey={(row) => row.id}
      empty="No pledges yet."
      columns={[
        { header: 'State', cell: (row) => row.stateCode },
        { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
        { header: 'Quantity', cell: (row) => row.quantity },
        { header: 'Reserved', cell: (row) => row.reserved },
        { header: 'Remaining', cell: (row) => row.remaining },
        { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
        {
          header: 'Action',
          cell: (row) =>
            row.stateCode === state && row.status === 'open' ? (
              <Button type="button" unstyled onClick={() => withdraw.mutate(row.id)} aria-label={`Withdraw pledge of ${row.quantity} ${row.resourceType}`}>
                Withdraw
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    >
      <ActionProblem error={withdraw.error} heading="The pledge was not withdrawn" />
    </TableSection>
  );
}

/** Every request of the compact, each with the offers made on it. */
export function Requests({ requests, state }: { requests: ResourceRequest[]; state: string | null }) {
  return (
    <TableSection
      id="requests"
      heading="Requests and offers"
      caption="Requests, each with the offers made on it"
      rows={requests}
      rowKey={(row) => row.id}
      empty="No requests yet."
      columns={[
        { header: 'State', cell: (row) => row.stateCode },
        { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
        { header: 'Quantity', cell: (row) => row.quantity },
        { header: 'Outstanding', cell: (row) => row.outstanding },
        { header: 'Needed by', cell: (row) => row.neededBy ?? '—' },
        { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
        {
          header: 'Offers',
          cell: (row) =>
            row.offers.length === 0 ? (
              'none'
            ) : (
              <ul className="usa-list usa-list--unstyled">
                {row.offers.map((offer) => (
                  <li key={offer.id}>
                    <Link to={`/offers/${offer.id}`}>
                      {offer.stateCode} offers {offer.quantity}
                    </Link>{' '}
                    <StatusTag status={offer.status} />
                    {row.stateCode === state && offer.status === 'offered' ? ' (awaiting your acceptance)' : ''}
                  </li>
                ))}
              </ul>
            ),
        },
        { header: 'Made', cell: (row) => <DateTime value={row.createdAt} /> },
      ]}
    />
  );
}
