import { Link } from 'react-router';
import { DateTime, timeLeft } from '../../../components/date-time';
import { TableSection } from '../../../components/table-section';
import type { Agenda } from './agenda';

/** Open proposals the state has not voted on. */
export function VotesWaiting({ rows, stateCode }: { rows: Agenda['votes']; stateCode: string }) {
  return (
    <TableSection
      id="votes"
      heading={`Votes waiting for ${stateCode}`}
      caption="Open proposals your state has not voted on"
      rows={rows}
      rowKey={(row) => row.proposal.id}
      empty="No vote is waiting for your state."
      columns={[
        { header: 'Proposal', cell: (row) => <Link to={`/proposals/${row.proposal.id}`}>{row.proposal.title}</Link> },
        { header: 'Compact', cell: (row) => row.compact.title },
        { header: 'Kind', cell: (row) => row.proposal.kind },
        {
          header: 'Time left',
          cell: (row) => (
            <>
              {timeLeft(row.proposal.closesAt)} (closes <DateTime value={row.proposal.closesAt} />)
            </>
          ),
        },
      ]}
    />
  );
}

/** Offers other states made on the state's requests. */
export function OffersAwaiting({ rows }: { rows: Agenda['offers'] }) {
  return (
    <TableSection
      id="offers"
      heading="Offers awaiting your acceptance"
      caption="Offers other states made on your requests"
      rows={rows}
      rowKey={(row) => row.offer.id}
      empty="No offer is waiting for your acceptance."
      columns={[
        { header: 'Offer', cell: (row) => <Link to={`/offers/${row.offer.id}`}>{`${row.offer.stateCode} offers ${row.offer.quantity} ${row.request.unit} of ${row.request.resourceType}`}</Link> },
        { header: 'Compact', cell: (row) => row.compact.title },
        { header: 'Your request', cell: (row) => `${row.request.outstanding} of ${row.request.quantity} outstanding` },
      ]}
    />
  );
}

/** Other states' open requests that a pledge of the state's could fill. */
export function FillableRequests({ rows }: { rows: Agenda['fillable'] }) {
  return (
    <TableSection
      id="fillable"
      heading="Requests your pledges could fill"
      caption="Other states' open requests matching a pledge of yours"
      rows={rows}
      rowKey={(row) => row.request.id}
      empty="No open request matches your pledges."
      columns={[
        { header: 'Request', cell: (row) => <Link to={`/compacts/${row.compact.id}/resources`}>{`${row.request.stateCode} needs ${row.request.outstanding} ${row.request.unit} of ${row.request.resourceType}`}</Link> },
        { header: 'Compact', cell: (row) => row.compact.title },
        { header: 'Your pledge has', cell: (row) => `${row.pledge.remaining} ${row.pledge.unit}` },
        { header: 'Needed by', cell: (row) => row.request.neededBy ?? '—' },
      ]}
    />
  );
}

/** Members giving notice in the state's compacts. */
export function WithdrawalsInNotice({ rows }: { rows: Agenda['withdrawals'] }) {
  return (
    <TableSection
      id="withdrawals"
      heading="Withdrawals in notice"
      caption="Members withdrawing from your compacts"
      rows={rows}
      rowKey={(row) => `${row.compact.id}/${row.member.stateCode}`}
      empty="No member is withdrawing."
      columns={[
        { header: 'State', cell: (row) => row.member.stateCode },
        { header: 'Compact', cell: (row) => <Link to={`/compacts/${row.compact.id}`}>{row.compact.title}</Link> },
        { header: 'Withdrawn at', cell: (row) => <DateTime value={row.member.effectiveAt} /> },
      ]}
    />
  );
}
